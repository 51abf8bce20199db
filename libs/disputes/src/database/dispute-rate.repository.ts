import { Injectable } from '@nestjs/common';
import type { Sql, StoreScope, Tx } from '@tradehub/platform';

export interface StoreRateRow {
  storeId: string;
  orders: number;
  disputedOrders: number;
}

/**
 * DSP-6's per-store daily counts: orders by their payment day, disputed orders by the day of their
 * first request. A rate over a window adds up at most one row per day, never scanning orders.
 */
@Injectable()
export class DisputeRateRepository {
  async countOrder(tx: Tx, storeId: string, paidAt: Date): Promise<void> {
    await tx.query(
      `insert into disputes.store_days (store_id, day, orders) values (?, (?::timestamptz at time zone 'UTC')::date, 1)
       on conflict (store_id, day) do update set orders = disputes.store_days.orders + 1`,
      [storeId, paidAt],
    );
  }

  async countDisputed(tx: Tx, storeId: string, at: Date): Promise<void> {
    await tx.query(
      `insert into disputes.store_days (store_id, day, disputed_orders) values (?, (?::timestamptz at time zone 'UTC')::date, 1)
       on conflict (store_id, day) do update set disputed_orders = disputes.store_days.disputed_orders + 1`,
      [storeId, at],
    );
  }

  /** Per store the scope may see (or the one asked): the sums over the UTC days `from`..`to` inclusive. */
  async window(
    sql: Sql,
    scope: StoreScope,
    storeId: string | null,
    from: string,
    to: string,
  ): Promise<StoreRateRow[]> {
    const where = ['day between ?::date and ?::date'];
    const params: unknown[] = [from, to];
    scope.restrict(where, params, 'store_id');
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    const rows = await sql.query<{ store_id: string; orders: string; disputed: string }>(
      `select store_id, sum(orders)::text as orders, sum(disputed_orders)::text as disputed
         from disputes.store_days where ${where.join(' and ')} group by store_id order by store_id`,
      params,
    );
    return rows.map((r) => ({
      storeId: r.store_id,
      orders: Number(r.orders),
      disputedOrders: Number(r.disputed),
    }));
  }
}
