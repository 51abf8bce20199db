import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeCursor, Page, ValidationError } from '@tradehub/kernel';
import { pgArray, StoreScope, Tx } from '@tradehub/platform';
import { Order } from '../domain/order';
import { ORDER_STATUSES } from '../domain/order-status';
import type { ListOrdersRequest, OrderSort } from '../queries/list-orders/list-orders.request.dto';

const SORTS: Record<OrderSort, { column: string; direction: 'asc' | 'desc' }> = {
  '-paidAt': { column: 'paid_at', direction: 'desc' },
  shipBy: { column: 'ship_by', direction: 'asc' },
};

const AWAITING = `status in ('WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS')`;

export interface OrderCounts {
  byStatus: Record<string, number>;
  overdue: number;
  abnormalLogistics: number;
  underReview: number;
  byOpenFlag: Record<string, number>;
}

/** ORD-6: the order lists and the console's tab counts, scoped to the caller's stores. */
@Injectable()
export class OrderListRepository {
  /** Keyset pagination over (sort column, id). */
  async page(tx: Tx, filter: ListOrdersRequest, scope: StoreScope, now: Date): Promise<Page<Order>> {
    const sort = filter.sort ?? '-paidAt';
    const { column, direction } = SORTS[sort];
    const limit = filter.limit ?? 50;
    const { where, params } = conditions(filter, scope, now);
    if (filter.cursor) {
      const { prefix, at, id } = decodeTimeCursor(filter.cursor);
      if (prefix.length !== 1 || prefix[0] !== sort)
        throw new ValidationError('does not belong to this sort order', 'cursor');
      where.push(`(${column}, id) ${direction === 'desc' ? '<' : '>'} (?::timestamptz, ?::uuid)`);
      params.push(at, id);
    }
    const rows = await tx.query(
      `select * from orders.orders ${whereClause(where)} order by ${column} ${direction}, id ${direction} limit ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => tx.track(Order, row));
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([sort, (sort === 'shipBy' ? last.shipBy : last.paidAt).toISOString(), last.id])
          : null,
    };
  }

  /** Every tab's count in one scan. */
  async counts(
    tx: Tx,
    filter: Partial<ListOrdersRequest>,
    scope: StoreScope,
    now: Date,
  ): Promise<OrderCounts> {
    const { where, params } = conditions(filter, scope, now);
    const rows = await tx.query<{
      status: string;
      n: string;
      overdue: string;
      abnormal: string;
      review: string;
    }>(
      `select status, count(*) as n,
         count(*) filter (where ${AWAITING} and ship_by <= ?) as overdue,
         count(*) filter (where in_abnormal_pool) as abnormal,
         count(*) filter (where under_review) as review
       from orders.orders ${whereClause(where)} group by status`,
      [now, ...params],
    );
    const flags = await tx.query<{ code: string; n: string }>(
      `select f->>'code' as code, count(*) as n
       from orders.orders, jsonb_array_elements(open_flags) f ${whereClause([...where, `open_flags <> '[]'`])}
       group by f->>'code'`,
      params,
    );
    const sum = (key: 'overdue' | 'abnormal' | 'review'): number =>
      rows.reduce((total, r) => total + Number(r[key]), 0);
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      overdue: sum('overdue'),
      abnormalLogistics: sum('abnormal'),
      underReview: sum('review'),
      byOpenFlag: Object.fromEntries(flags.map((f) => [f.code, Number(f.n)])),
    };
  }
}

function whereClause(where: string[]): string {
  return where.length ? `where ${where.join(' and ')}` : '';
}

/** ORD-6 filters shared by the list and the counts. */
function conditions(
  filter: Partial<ListOrdersRequest>,
  scope: StoreScope,
  now: Date,
): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  scope.restrict(where, params);
  const equal = (column: string, value: unknown): void => {
    where.push(`${column} = ?`);
    params.push(value);
  };
  if (filter.storeId) equal('store_id', filter.storeId);
  if (filter.mainAccountId) equal('main_account_id', filter.mainAccountId);
  if (filter.status) {
    const statuses = filter.status.split(',');
    const unknown = statuses.find((s) => !(ORDER_STATUSES as readonly string[]).includes(s));
    if (unknown) throw new ValidationError(`unknown status '${unknown}'`, 'status');
    where.push('status = any(?::text[])');
    params.push(pgArray(statuses));
  }
  if (filter.paidFrom) {
    where.push('paid_at >= ?');
    params.push(new Date(filter.paidFrom));
  }
  if (filter.paidTo) {
    where.push('paid_at < ?');
    params.push(new Date(filter.paidTo));
  }
  if (filter.late) equal('late_shipment', filter.late === 'true');
  if (filter.overdue) {
    // ORD-2: the deadline instant itself is past (Order.isOverdue).
    where.push(`${AWAITING} and ship_by <= ?`);
    params.push(now);
  }
  if (filter.abnormal) equal('in_abnormal_pool', filter.abnormal === 'true');
  if (filter.underReview) equal('under_review', filter.underReview === 'true');
  if (filter.issueStatus) equal('issue_status', filter.issueStatus);
  if (filter.flag) {
    where.push(`open_flags @> ?::jsonb`);
    params.push(JSON.stringify([{ code: filter.flag }]));
  }
  return { where, params };
}
