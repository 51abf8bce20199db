import { Injectable } from '@nestjs/common';
import type { Sql } from '@tradehub/platform';

/** Marks a fact on an order once: null when the order already had it (or is unknown). */
type Marked = { storeId: string } | null;

export interface PlacedFact {
  orderId: string;
  storeId: string;
  currency: string;
  totalMinor: bigint;
  paidAt: Date;
  shipBy: Date;
}

export interface ShipmentFact {
  storeId: string;
  paidAt: Date;
  shipBy: Date;
  /** Whether the order had already counted as late (a missed deadline came first). */
  alreadyLate: boolean;
  /** When the order became slow, if this shipment is what made it count. */
  slowFrom: Date | null;
}

/** What Compliance keeps per order so that each fact counts once in the roll-ups, whatever the redelivery. */
@Injectable()
export class OrderFactsRepository {
  /** True when this is the first time the order is seen. */
  async placed(sql: Sql, f: PlacedFact): Promise<boolean> {
    // An order some other fact arrived for first has its row already, without these.
    const rows = await sql.query(
      `insert into compliance.order_facts (order_id, store_id, currency, total_minor, paid_at, ship_by)
       values (?, ?, ?, ?, ?, ?) on conflict (order_id) do update set currency = excluded.currency,
         total_minor = excluded.total_minor, paid_at = excluded.paid_at, ship_by = excluded.ship_by
       where order_facts.paid_at is null returning order_id`,
      [f.orderId, f.storeId, f.currency, f.totalMinor.toString(), f.paidAt, f.shipBy],
    );
    return rows.length === 1;
  }

  /**
   * Sets `column` to `at` if it was unset; the order's store when it did. Another context's event may
   * come before Orders' order-placed (topics are not ordered with each other): the fact is kept on a
   * row of its own, which the order's placement completes.
   */
  async mark(
    sql: Sql,
    orderId: string,
    storeId: string,
    column: 'seller_cancelled_at' | 'disputed_at' | 'refunded_at' | 'abnormal_at',
    at: Date,
  ): Promise<Marked> {
    const [row] = await sql.query<{ store_id: string }>(
      `insert into compliance.order_facts (order_id, store_id, ${column}) values (?, ?, ?)
       on conflict (order_id) do update set ${column} = excluded.${column}
       where order_facts.${column} is null returning store_id`,
      [orderId, storeId, at],
    );
    return row ? { storeId: row.store_id } : null;
  }

  /**
   * The first shipment of the order; null when it already shipped or is unknown. Shipped later than
   * `slowHours` after payment, the order is slow from payment + `slowHours` (unless a sweep said so).
   */
  async shipped(sql: Sql, orderId: string, at: Date, slowHours: number): Promise<ShipmentFact | null> {
    const [row] = await sql.query<{
      store_id: string;
      paid_at: Date;
      ship_by: Date;
      was_late: boolean;
      was_slow: boolean;
      slow_at: Date | null;
    }>(
      `update compliance.order_facts f set first_shipped_at = ?,
         late_at = case when f.late_at is null and ?::timestamptz > f.ship_by then f.ship_by else f.late_at end,
         slow_at = case when f.slow_at is null and ?::timestamptz > f.paid_at + make_interval(hours => ?)
           then f.paid_at + make_interval(hours => ?) else f.slow_at end
       from (select order_id, late_at is not null as was_late, slow_at is not null as was_slow
             from compliance.order_facts where order_id = ? for update) old
       where f.order_id = old.order_id and f.first_shipped_at is null and f.paid_at is not null
       returning f.store_id, f.paid_at, f.ship_by, old.was_late, old.was_slow, f.slow_at`,
      [at, at, at, slowHours, slowHours, orderId],
    );
    if (!row) return null;
    return {
      storeId: row.store_id,
      paidAt: new Date(row.paid_at),
      shipBy: new Date(row.ship_by),
      alreadyLate: row.was_late,
      slowFrom: !row.was_slow && row.slow_at ? new Date(row.slow_at) : null,
    };
  }

  /** ORD-5: any cancellation, so an order cancelled unshipped never becomes slow. */
  async cancelled(sql: Sql, orderId: string, storeId: string, at: Date): Promise<void> {
    await sql.query(
      `insert into compliance.order_facts (order_id, store_id, cancelled_at) values (?, ?, ?)
       on conflict (order_id) do update set cancelled_at = excluded.cancelled_at where order_facts.cancelled_at is null`,
      [orderId, storeId, at],
    );
  }

  /**
   * CMP-2: the store's orders still unshipped (and not cancelled) `slowHours` after payment become
   * slow from that instant, once; only orders paid after `since` can still count in a window.
   */
  async sweepSlow(
    sql: Sql,
    storeId: string,
    now: Date,
    slowHours: number,
    since: Date,
  ): Promise<{ orderId: string; slowAt: Date }[]> {
    const rows = await sql.query<{ order_id: string; slow_at: Date }>(
      `update compliance.order_facts set slow_at = paid_at + make_interval(hours => ?)
       where store_id = ? and first_shipped_at is null and slow_at is null and cancelled_at is null
         and paid_at > ? and paid_at + make_interval(hours => ?) <= ?
       returning order_id, slow_at`,
      [slowHours, storeId, since, slowHours, now],
    );
    return rows.map((r) => ({ orderId: r.order_id, slowAt: new Date(r.slow_at) }));
  }

  /** ORD-2: the deadline passed unshipped; the order counts late on its deadline's day, once. */
  async late(sql: Sql, orderId: string): Promise<{ storeId: string; shipBy: Date } | null> {
    const [row] = await sql.query<{ store_id: string; ship_by: Date }>(
      `update compliance.order_facts set late_at = ship_by
       where order_id = ? and late_at is null and first_shipped_at is null and ship_by is not null
       returning store_id, ship_by`,
      [orderId],
    );
    return row ? { storeId: row.store_id, shipBy: new Date(row.ship_by) } : null;
  }

  /** SET-7: the release and its payout cycle, once. */
  async released(
    sql: Sql,
    orderId: string,
    storeId: string,
    at: Date,
    cycleSeconds: number,
  ): Promise<Marked> {
    const [row] = await sql.query<{ store_id: string }>(
      `insert into compliance.order_facts (order_id, store_id, released_at, payout_cycle_seconds) values (?, ?, ?, ?)
       on conflict (order_id) do update set released_at = excluded.released_at,
         payout_cycle_seconds = excluded.payout_cycle_seconds
       where order_facts.released_at is null returning store_id`,
      [orderId, storeId, at, cycleSeconds],
    );
    return row ? { storeId: row.store_id } : null;
  }

  /** REV-1's review, once per review. */
  async reviewed(
    sql: Sql,
    r: {
      reviewId: string;
      orderId: string;
      storeId: string;
      reviewedAt: Date;
      overall: number;
      dsr: [number, number, number];
    },
  ): Promise<boolean> {
    const rows = await sql.query(
      `insert into compliance.review_facts
         (review_id, order_id, store_id, reviewed_at, overall, item_as_described, communication, shipping_speed)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (review_id) do nothing returning review_id`,
      [r.reviewId, r.orderId, r.storeId, r.reviewedAt, r.overall, ...r.dsr],
    );
    return rows.length === 1;
  }
}
