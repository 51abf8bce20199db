import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeCursor, type Page } from '@tradehub/kernel';
import type { Sql, StoreScope, Tx } from '@tradehub/platform';
import { RefundRequest } from '../domain';

export interface RequestFilter {
  storeId?: string;
  orderId?: string;
  status?: string;
  kind?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Refund requests: loaded to change (locked), and listed newest first. */
@Injectable()
export class RefundRequestRepository {
  find(tx: Tx, id: string, forUpdate = true): Promise<RefundRequest | null> {
    return tx.findById(RefundRequest, id, forUpdate);
  }

  async findByMarketplaceId(
    tx: Tx,
    marketplaceRequestId: string,
    forUpdate = true,
  ): Promise<RefundRequest | null> {
    const [row] = await tx.query<{ id: string }>(
      `select id from disputes.refund_requests where marketplace_request_id = ?`,
      [marketplaceRequestId],
    );
    return row ? this.find(tx, row.id, forUpdate) : null;
  }

  /** DSP-3: the request whose return parcel travels under this number. */
  async findInTransit(sql: Sql, carrierCode: string, trackingNumber: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `select id from disputes.refund_requests
        where status = 'RETURN_IN_TRANSIT' and return_parcel->>'carrierCode' = ? and return_parcel->>'trackingNumber' = ?`,
      [carrierCode, trackingNumber],
    );
    return rows.map((r) => r.id);
  }

  /** DSP-3: another request already ships a return under this number. */
  async returnNumberUsedElsewhere(
    sql: Sql,
    carrierCode: string,
    trackingNumber: string,
    requestId: string,
  ): Promise<boolean> {
    const rows = await sql.query(
      `select 1 from disputes.refund_requests
        where return_parcel->>'carrierCode' = ? and return_parcel->>'trackingNumber' = ? and id <> ? limit 1`,
      [carrierCode, trackingNumber, requestId],
    );
    return rows.length > 0;
  }

  /** The order has a request that is not closed (one at a time). */
  async hasOpenRequest(sql: Sql, orderId: string): Promise<boolean> {
    const rows = await sql.query(
      `select 1 from disputes.refund_requests where order_id = ? and status <> 'CLOSED' limit 1`,
      [orderId],
    );
    return rows.length > 0;
  }

  /** What earlier requests of the order refunded or agreed to refund (the refundable rest is the total less this). */
  async refundedOnOrder(sql: Sql, orderId: string): Promise<bigint> {
    const [row] = await sql.query<{ refunded: string }>(
      `select coalesce(sum((refund->>'amountMinor')::bigint), 0)::text as refunded
         from disputes.refund_requests where order_id = ? and refund is not null`,
      [orderId],
    );
    return BigInt(row?.refunded ?? '0');
  }

  /** DSP-6: true when the order had a request before this one (it counts once as disputed). */
  async hadEarlierRequest(sql: Sql, orderId: string, requestId: string): Promise<boolean> {
    const rows = await sql.query(
      `select 1 from disputes.refund_requests where order_id = ? and id <> ? limit 1`,
      [orderId, requestId],
    );
    return rows.length > 0;
  }

  /** Requests the scope may see, newest first. */
  async page(tx: Tx, scope: StoreScope, f: RequestFilter): Promise<Page<RefundRequest>> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    const equal = (column: string, value: unknown) => {
      where.push(`${column} = ?`);
      params.push(value);
    };
    if (f.storeId) equal('store_id', f.storeId);
    if (f.orderId) equal('order_id', f.orderId);
    if (f.status) equal('status', f.status);
    if (f.kind) equal('kind', f.kind);
    if (f.from) {
      where.push('requested_at >= ?');
      params.push(new Date(f.from));
    }
    if (f.to) {
      where.push('requested_at < ?');
      params.push(new Date(f.to));
    }
    if (f.cursor) {
      const { at, id } = decodeTimeCursor(f.cursor);
      where.push('(requested_at, id) < (?, ?)');
      params.push(new Date(at), id);
    }
    const rows = await tx.query<Record<string, unknown>>(
      `select * from disputes.refund_requests ${where.length ? `where ${where.join(' and ')}` : ''}
        order by requested_at desc, id desc limit ?`,
      [...params, f.limit + 1],
    );
    return this.toPage(tx, rows, f.limit);
  }

  /**
   * DSP-4: escalated requests, oldest escalation first (the instant is kept as ISO 8601 UTC text,
   * whose order is time order); the cursor is the last one's (escalation instant, id).
   */
  async escalated(tx: Tx, limit: number, cursor?: string): Promise<Page<RefundRequest>> {
    const params: unknown[] = [];
    let after = '';
    if (cursor) {
      const { at, id } = decodeTimeCursor(cursor);
      after = `and (escalation->>'at', id) > (?, ?)`;
      params.push(new Date(at).toISOString(), id);
    }
    const rows = await tx.query<Record<string, unknown>>(
      `select * from disputes.refund_requests where status = 'ESCALATED' ${after}
        order by escalation->>'at', id limit ?`,
      [...params, limit + 1],
    );
    return this.toPage(tx, rows, limit, (r) => r.escalation!.at);
  }

  /** One page mapped by the ORM from its own `select *`; the cursor is the last row's (instant, id). */
  private toPage(
    tx: Tx,
    rows: Record<string, unknown>[],
    limit: number,
    instantOf: (r: RefundRequest) => string = (r) => r.requestedAt.toISOString(),
  ): Page<RefundRequest> {
    const items = rows.slice(0, limit).map((row) => tx.track(RefundRequest, row as never));
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([instantOf(last), last.id]) : null,
    };
  }
}
