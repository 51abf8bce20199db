import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, decodeTimeCursor, encodeCursor, Page, ValidationError } from '@tradehub/kernel';
import { pgArray, UnitOfWork } from '@tradehub/platform';
import { Order } from '../../domain/order';
import { ORDER_STATUSES } from '../../domain/order-status';
import { OrderRow, toState } from '../../database/order.repository';
import { OrderResponse, toOrderResponse } from '../../views/order.response';
import { ListOrdersQuery } from './list-orders.query';
import { ListOrdersRequest, OrderSort } from './list-orders.request.dto';

const SORTS: Record<OrderSort, { column: string; direction: 'asc' | 'desc' }> = {
  '-paidAt': { column: 'paid_at', direction: 'desc' },
  shipBy: { column: 'ship_by', direction: 'asc' },
};

/** ORD-6: keyset pagination over (sort column, id), scoped to the caller's stores. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, Page<OrderResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, scope }: ListOrdersQuery): Promise<Page<OrderResponse>> {
    const sort = filter.sort ?? '-paidAt';
    const { column, direction } = SORTS[sort];
    const limit = filter.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params);
    addFilters(filter, where, params, this.clock.now());
    if (filter.cursor) {
      const { prefix, at, id } = decodeTimeCursor(filter.cursor);
      if (prefix.length !== 1 || prefix[0] !== sort)
        throw new ValidationError('does not belong to this sort order', 'cursor');
      where.push(`(${column}, id) ${direction === 'desc' ? '<' : '>'} (?::timestamptz, ?::uuid)`);
      params.push(at, id);
    }
    const rows = await this.uow.reader().query<OrderRow>(
      `select * from orders.orders ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${column} ${direction}, id ${direction} limit ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const lastKey = last ? (sort === 'shipBy' ? last.ship_by : last.paid_at) : null;
    return {
      items: page.map((r) => toOrderResponse(Order.restore(toState(r)))),
      nextCursor:
        rows.length > limit && last && lastKey
          ? encodeCursor([sort, new Date(lastKey).toISOString(), last.id])
          : null,
    };
  }
}

/** ORD-6 filters shared by the list and the console's tab counts. */
export function addFilters(
  filter: Partial<ListOrdersRequest>,
  where: string[],
  params: unknown[],
  now: Date,
): void {
  if (filter.storeId) {
    where.push('store_id = ?');
    params.push(filter.storeId);
  }
  if (filter.mainAccountId) {
    where.push('main_account_id = ?');
    params.push(filter.mainAccountId);
  }
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
  if (filter.late) {
    where.push('late_shipment = ?');
    params.push(filter.late === 'true');
  }
  if (filter.overdue) {
    where.push(`status in ('WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS') and ship_by < ?`);
    params.push(now);
  }
  if (filter.abnormal) {
    where.push('in_abnormal_pool = ?');
    params.push(filter.abnormal === 'true');
  }
  if (filter.underReview) {
    where.push('under_review = ?');
    params.push(filter.underReview === 'true');
  }
}
