import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  decodeTimeCursor,
  encodeCursor,
  isUuid,
  type Page,
  ValidationError,
} from '@tradehub/kernel';
import type { Sql, StoreScope, Tx } from '@tradehub/platform';
import type { BuyerHistory, RiskAddress, RiskLevel, RiskReason } from '../domain/risk';

/** What DSP-5 keeps of an order to score it again when a signal changes. */
export interface OrderRiskRow {
  orderId: string;
  storeId: string;
  buyerId: string;
  paidAt: Date;
  facts: { address: RiskAddress; paymentMethod: string; paymentCountry: string };
  lateShipment: boolean;
  logisticsStalled: boolean;
  closed: boolean;
  disputed: boolean;
  score: number;
  level: RiskLevel;
  reasons: RiskReason[];
  flags: string[];
  scoredAt: Date;
}

export interface BoardFilter {
  storeId?: string;
  signal?: string;
  level?: RiskLevel;
  minScore?: number;
  sort: 'score' | 'scoredAt';
  cursor?: string;
  limit: number;
}

interface Row {
  order_id: string;
  store_id: string;
  buyer_id: string;
  paid_at: Date | string;
  facts: OrderRiskRow['facts'];
  late_shipment: boolean;
  logistics_stalled: boolean;
  closed: boolean;
  disputed: boolean;
  score: number;
  level: RiskLevel;
  reasons: RiskReason[];
  flags: string[];
  scored_at: Date | string;
}

const toRow = (r: Row): OrderRiskRow => ({
  orderId: r.order_id,
  storeId: r.store_id,
  buyerId: r.buyer_id,
  paidAt: new Date(r.paid_at),
  facts: r.facts,
  lateShipment: r.late_shipment,
  logisticsStalled: r.logistics_stalled,
  closed: r.closed,
  disputed: r.disputed,
  score: r.score,
  level: r.level,
  reasons: r.reasons,
  flags: r.flags,
  scoredAt: new Date(r.scored_at),
});

/** DSP-5's scores of open orders (a projection of Orders', Fulfillment's and this context's events). */
@Injectable()
export class OrderRiskRepository {
  async find(tx: Tx, orderId: string): Promise<OrderRiskRow | null> {
    const [row] = await tx.query<Row>(`select * from disputes.order_risk where order_id = ? for update`, [
      orderId,
    ]);
    return row ? toRow(row) : null;
  }

  /** One order's score as it stands (no lock). */
  async get(sql: Sql, orderId: string): Promise<OrderRiskRow | null> {
    const [row] = await sql.query<Row>(`select * from disputes.order_risk where order_id = ?`, [orderId]);
    return row ? toRow(row) : null;
  }

  /** Inserts the first score; false when the order was scored already (a redelivered placement). */
  async insert(tx: Tx, r: OrderRiskRow): Promise<boolean> {
    const rows = await tx.query(
      `insert into disputes.order_risk (order_id, store_id, buyer_id, paid_at, facts, late_shipment, logistics_stalled,
         closed, disputed, score, level, reasons, flags, scored_at)
       values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?)
       on conflict (order_id) do nothing returning order_id`,
      [
        r.orderId,
        r.storeId,
        r.buyerId,
        r.paidAt,
        JSON.stringify(r.facts),
        r.lateShipment,
        r.logisticsStalled,
        r.closed,
        r.disputed,
        r.score,
        r.level,
        JSON.stringify(r.reasons),
        `{${r.flags.join(',')}}`,
        r.scoredAt,
      ],
    );
    return rows.length > 0;
  }

  async update(tx: Tx, r: OrderRiskRow): Promise<void> {
    await tx.query(
      `update disputes.order_risk set late_shipment = ?, logistics_stalled = ?, closed = ?, disputed = ?, score = ?,
         level = ?, reasons = ?::jsonb, flags = ?::text[], scored_at = ? where order_id = ?`,
      [
        r.lateShipment,
        r.logisticsStalled,
        r.closed,
        r.disputed,
        r.score,
        r.level,
        JSON.stringify(r.reasons),
        `{${r.flags.join(',')}}`,
        r.scoredAt,
        r.orderId,
      ],
    );
  }

  /** The buyer's orders and requests across every store since `since`, this order left out. */
  async buyerHistory(sql: Sql, buyerId: string, since: Date, exceptOrderId: string): Promise<BuyerHistory> {
    const [row] = await sql.query<{ orders: number; returns: number; disputes: number }>(
      `select
         (select count(*)::int from disputes.order_risk where buyer_id = ? and paid_at >= ? and order_id <> ?) as orders,
         (select count(distinct order_id)::int from disputes.refund_requests
           where buyer_id = ? and requested_at >= ? and order_id <> ? and kind = 'RETURN_AND_REFUND') as returns,
         (select count(distinct order_id)::int from disputes.refund_requests
           where buyer_id = ? and requested_at >= ? and order_id <> ? and kind = 'REFUND_ONLY') as disputes`,
      [buyerId, since, exceptOrderId, buyerId, since, exceptOrderId, buyerId, since, exceptOrderId],
    );
    return { orders: row?.orders ?? 0, returns: row?.returns ?? 0, disputes: row?.disputes ?? 0 };
  }

  /** Locks the buyer (a new order of theirs, with no row yet, waits too) and then their scored orders, in one order. */
  async lockBuyer(tx: Tx, buyerId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`disputes.buyer:${buyerId}`]);
    await tx.query(
      `select order_id from disputes.order_risk where buyer_id = ? order by order_id for update`,
      [buyerId],
    );
  }

  /** The buyer's other open orders, to score again when the buyer's history changed. */
  async openOrdersOfBuyer(sql: Sql, buyerId: string, exceptOrderId: string): Promise<string[]> {
    const rows = await sql.query<{ order_id: string }>(
      `select order_id from disputes.order_risk where buyer_id = ? and not closed and order_id <> ?
        order by order_id limit 500`,
      [buyerId, exceptOrderId],
    );
    return rows.map((r) => r.order_id);
  }

  /** DSP-5's board: open orders the scope may see, by score (or newest score) then order id. */
  async board(sql: Sql, scope: StoreScope, f: BoardFilter): Promise<Page<OrderRiskRow>> {
    const where = ['not closed'];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    if (f.storeId) {
      where.push('store_id = ?');
      params.push(f.storeId);
    }
    if (f.level) {
      where.push('level = ?');
      params.push(f.level);
    }
    if (f.minScore !== undefined) {
      where.push('score >= ?');
      params.push(f.minScore);
    }
    if (f.signal) {
      where.push(`reasons @> ?::jsonb`);
      params.push(JSON.stringify([{ signal: f.signal }]));
    }
    const byScore = f.sort === 'score';
    if (f.cursor) {
      if (byScore) {
        const [score, id] = decodeCursor(f.cursor);
        if (!Number.isInteger(score) || typeof id !== 'string' || !isUuid(id) || id !== id.toLowerCase())
          throw new ValidationError('is not a cursor this list issued', 'cursor');
        where.push('(score, order_id) < (?, ?::uuid)');
        params.push(score, id);
      } else {
        const { at, id } = decodeTimeCursor(f.cursor);
        where.push('(scored_at, order_id) < (?, ?::uuid)');
        params.push(new Date(at), id);
      }
    }
    const order = byScore ? 'score desc, order_id desc' : 'scored_at desc, order_id desc';
    const rows = await sql.query<Row>(
      `select * from disputes.order_risk where ${where.join(' and ')} order by ${order} limit ?`,
      [...params, f.limit + 1],
    );
    const items = rows.slice(0, f.limit).map(toRow);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > f.limit && last
          ? encodeCursor([byScore ? last.score : last.scoredAt.toISOString(), last.orderId])
          : null,
    };
  }
}
