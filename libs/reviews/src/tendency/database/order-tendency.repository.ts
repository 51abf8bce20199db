import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, isUuid, type Page, ValidationError } from '@tradehub/kernel';
import { pgArray, type Sql, type StoreScope, type Tx } from '@tradehub/platform';
import type { BuyerRatingHistory, TendencyReason, TendencySignal } from '../domain';

/** What REV-6 keeps of an order to score it again when a signal changes. */
export interface OrderTendencyRow {
  orderId: string;
  storeId: string;
  buyerId: string;
  lateShipment: boolean;
  logisticsStalled: boolean;
  openIssue: boolean;
  closed: boolean;
  score: number;
  flagged: boolean;
  reasons: TendencyReason[];
  scoredAt: Date;
}

export interface TendencyBoardFilter {
  storeId?: string;
  signal?: TendencySignal;
  /** False (the default list): flagged orders only. */
  all: boolean;
  cursor?: string;
  limit: number;
}

interface Row {
  order_id: string;
  store_id: string;
  buyer_id: string;
  late_shipment: boolean;
  logistics_stalled: boolean;
  open_issue: boolean;
  closed: boolean;
  score: number;
  flagged: boolean;
  reasons: TendencyReason[];
  scored_at: Date | string;
}

const toRow = (r: Row): OrderTendencyRow => ({
  orderId: r.order_id,
  storeId: r.store_id,
  buyerId: r.buyer_id,
  lateShipment: r.late_shipment,
  logisticsStalled: r.logistics_stalled,
  openIssue: r.open_issue,
  closed: r.closed,
  score: r.score,
  flagged: r.flagged,
  reasons: r.reasons,
  scoredAt: new Date(r.scored_at),
});

const refused = () => new ValidationError('is not a cursor this list issued', 'cursor');

/** REV-6's scores of open orders, and the buyer's rating history they are made from. */
@Injectable()
export class OrderTendencyRepository {
  /** The order's score, locked for the rest of the transaction. */
  async find(tx: Tx, orderId: string): Promise<OrderTendencyRow | null> {
    const [row] = await tx.query<Row>(`select * from reviews.order_tendency where order_id = ? for update`, [
      orderId,
    ]);
    return row ? toRow(row) : null;
  }

  /** One order's score as it stands (no lock). */
  async get(sql: Sql, orderId: string): Promise<OrderTendencyRow | null> {
    const [row] = await sql.query<Row>(`select * from reviews.order_tendency where order_id = ?`, [orderId]);
    return row ? toRow(row) : null;
  }

  /** Inserts the first score; false when the order was tracked already (a redelivered placement). */
  async insert(tx: Tx, r: OrderTendencyRow): Promise<boolean> {
    const rows = await tx.query(
      `insert into reviews.order_tendency (order_id, store_id, buyer_id, late_shipment, logistics_stalled, open_issue,
         closed, score, flagged, reasons, scored_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
       on conflict (order_id) do nothing returning order_id`,
      [
        r.orderId,
        r.storeId,
        r.buyerId,
        r.lateShipment,
        r.logisticsStalled,
        r.openIssue,
        r.closed,
        r.score,
        r.flagged,
        JSON.stringify(r.reasons),
        r.scoredAt,
      ],
    );
    return rows.length > 0;
  }

  async update(tx: Tx, r: OrderTendencyRow): Promise<void> {
    await tx.query(
      `update reviews.order_tendency set late_shipment = ?, logistics_stalled = ?, open_issue = ?, closed = ?,
         score = ?, flagged = ?, reasons = ?::jsonb, scored_at = ? where order_id = ?`,
      [
        r.lateShipment,
        r.logisticsStalled,
        r.openIssue,
        r.closed,
        r.score,
        r.flagged,
        JSON.stringify(r.reasons),
        r.scoredAt,
        r.orderId,
      ],
    );
  }

  /**
   * The buyer's reviews across every store since `since`, and how many were rated 1-2 overall. The
   * reviews of `exceptOrderIds` are left out: the order being scored, and a review the caller
   * counts itself (received in this transaction, whether or not its row is written yet).
   */
  async buyerHistory(
    sql: Sql,
    buyerId: string,
    since: Date,
    exceptOrderIds: readonly string[],
  ): Promise<BuyerRatingHistory> {
    const [row] = await sql.query<{ reviews: number; low: number }>(
      `select count(*)::int as reviews, count(*) filter (where overall <= 2)::int as low
         from reviews.reviews
        where buyer_id = ? and reviewed_at >= ? and order_id <> all(?::uuid[])`,
      [buyerId, since, pgArray(exceptOrderIds)],
    );
    return { reviews: row?.reviews ?? 0, lowRatings: row?.low ?? 0 };
  }

  /** Locks every tracked order of the buyer, in one order, before several of them are scored again. */
  async lockBuyer(tx: Tx, buyerId: string): Promise<void> {
    // The buyer's lock first: a new order of the buyer (no row yet) and a review of theirs wait for each other.
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`reviews.buyer:${buyerId}`]);
    await tx.query(
      `select order_id from reviews.order_tendency where buyer_id = ? order by order_id for update`,
      [buyerId],
    );
  }

  /** The buyer's other open orders, to score again when the buyer's history changed. */
  async openOrdersOfBuyer(sql: Sql, buyerId: string, exceptOrderId: string): Promise<string[]> {
    const rows = await sql.query<{ order_id: string }>(
      `select order_id from reviews.order_tendency where buyer_id = ? and not closed and order_id <> ?
        order by order_id limit 500`,
      [buyerId, exceptOrderId],
    );
    return rows.map((r) => r.order_id);
  }

  /** REV-6's list: open orders the scope may see, flagged only unless `all`, by score then order id (newest first). */
  async board(sql: Sql, scope: StoreScope, f: TendencyBoardFilter): Promise<Page<OrderTendencyRow>> {
    const where = ['not closed'];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    if (f.storeId) {
      where.push('store_id = ?');
      params.push(f.storeId);
    }
    if (!f.all) where.push('flagged');
    if (f.signal) {
      where.push(`reasons @> ?::jsonb`);
      params.push(JSON.stringify([{ signal: f.signal }]));
    }
    if (f.cursor) {
      const { score, orderId } = decodeBoardCursor(f.cursor);
      where.push('(score, order_id) < (?, ?::uuid)');
      params.push(score, orderId);
    }
    const rows = await sql.query<Row>(
      `select * from reviews.order_tendency where ${where.join(' and ')}
        order by score desc, order_id desc limit ?`,
      [...params, f.limit + 1],
    );
    const items = rows.slice(0, f.limit).map(toRow);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > f.limit && last ? encodeCursor([last.score, last.orderId]) : null,
    };
  }
}

/** A board cursor exactly as `board` issues it: [score 0..100, lower-case order uuid]; anything else is a 400. */
export function decodeBoardCursor(cursor: string): { score: number; orderId: string } {
  const parts = decodeCursor(cursor);
  if (parts.length !== 2) throw refused();
  const [score, orderId] = parts;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) throw refused();
  if (typeof orderId !== 'string' || !isUuid(orderId) || orderId !== orderId.toLowerCase()) throw refused();
  return { score, orderId };
}
