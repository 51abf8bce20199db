import { Injectable } from '@nestjs/common';
import { pgArray, type Sql, type StoreScope, type Tx } from '@tradehub/platform';
import { isPositive, type RatingTotals, type Review } from '../domain';

interface TotalsRow {
  store_id: string;
  reviews: string;
  positive: string;
  item_sum: string;
  communication_sum: string;
  shipping_sum: string;
}

const toTotals = (r: TotalsRow): RatingTotals => ({
  reviews: Number(r.reviews),
  positive: Number(r.positive),
  itemAsDescribed: Number(r.item_sum),
  communication: Number(r.communication_sum),
  shippingSpeed: Number(r.shipping_sum),
});

/**
 * REV-3..5's inputs, kept as reviews arrive: per store and UTC day, the count, the positive count and
 * each dimension's rating sum; and the stores' late-shipment strikes.
 */
@Injectable()
export class StoreRatingsRepository {
  async add(tx: Tx, review: Review): Promise<void> {
    await tx.query(
      `insert into reviews.store_days (store_id, day, reviews, positive, item_sum, communication_sum, shipping_sum)
       values (?, (?::timestamptz at time zone 'UTC')::date, 1, ?, ?, ?, ?)
       on conflict (store_id, day) do update set reviews = reviews.store_days.reviews + 1,
         positive = reviews.store_days.positive + excluded.positive,
         item_sum = reviews.store_days.item_sum + excluded.item_sum,
         communication_sum = reviews.store_days.communication_sum + excluded.communication_sum,
         shipping_sum = reviews.store_days.shipping_sum + excluded.shipping_sum`,
      [
        review.storeId,
        review.reviewedAt,
        isPositive(review.overall) ? 1 : 0,
        review.itemAsDescribed,
        review.communication,
        review.shippingSpeed,
      ],
    );
  }

  /**
   * Per store the scope may see (or the one asked): the whole days from `nextDay` to `today` from the
   * roll-up, plus the reviews of the partial first day at or after `since`. One row per store and day
   * is read, and one day's reviews.
   */
  async window(
    sql: Sql,
    scope: StoreScope,
    storeId: string | null,
    w: { since: Date; firstDay: string; nextDay: string; today: string },
  ): Promise<Map<string, RatingTotals>> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    const also = where.length ? `and ${where.join(' and ')}` : '';
    const rows = await sql.query<TotalsRow>(
      `select store_id, sum(reviews)::text as reviews, sum(positive)::text as positive, sum(item_sum)::text as item_sum,
              sum(communication_sum)::text as communication_sum, sum(shipping_sum)::text as shipping_sum
         from (
           select store_id, reviews, positive, item_sum, communication_sum, shipping_sum from reviews.store_days
            where day between ?::date and ?::date ${also}
           union all
           select store_id, 1, case when overall >= 4 then 1 else 0 end, item_as_described, communication, shipping_speed
             from reviews.reviews
            where reviewed_at >= ? and reviewed_at < ? ${also}
         ) w group by store_id order by store_id`,
      // The first day ends at UTC midnight whatever the session's time zone.
      [w.nextDay, w.today, ...params, w.since, new Date(`${w.nextDay}T00:00:00Z`), ...params],
    );
    return new Map(rows.map((r) => [r.store_id, toTotals(r)]));
  }

  /**
   * One store's figures change one transaction at a time (a review, a strike), so each publishes the
   * figures with the other's change in them; taken before any other lock of the transaction.
   */
  async lockStore(tx: Tx, storeId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`reviews.store:${storeId}`]);
  }

  /** REV-5: a store's strike for one order (once), dated at the missed deadline; false when known already. */
  async recordStrike(tx: Tx, orderId: string, storeId: string, at: Date): Promise<boolean> {
    const rows = await tx.query(
      `insert into reviews.store_strikes (order_id, store_id, struck_at) values (?, ?, ?)
       on conflict (order_id) do nothing returning order_id`,
      [orderId, storeId, at],
    );
    return rows.length > 0;
  }

  /** Strikes per store since `since`. */
  async strikes(sql: Sql, storeIds: readonly string[], since: Date): Promise<Map<string, number>> {
    if (storeIds.length === 0) return new Map();
    const rows = await sql.query<{ store_id: string; strikes: number }>(
      `select store_id, count(*)::int as strikes from reviews.store_strikes
        where store_id = any(?::text[]) and struck_at >= ? group by store_id`,
      [pgArray(storeIds), since],
    );
    return new Map(rows.map((r) => [r.store_id, r.strikes]));
  }
}
