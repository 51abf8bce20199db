import { Injectable } from '@nestjs/common';
import type { Sql, Tx } from '@tradehub/platform';

/** CMP-4 as Orders keeps it: which sellers are closed, and which paid orders were refused for it. */
@Injectable()
export class ClosedSellerRepository {
  async isClosed(sql: Sql, sellerId: string): Promise<boolean> {
    const [row] = await sql.query<{ closed: boolean }>(
      `select closed from orders.closed_sellers where seller_id = ?`,
      [sellerId],
    );
    return row?.closed ?? false;
  }

  /**
   * The seller's account closed or reopened at `at`; true when that changed what Orders knew. A
   * change older than the one kept, or one that changes nothing, is ignored.
   */
  async record(tx: Tx, sellerId: string, closed: boolean, reason: string, at: Date): Promise<boolean> {
    const [known] = await tx.query<{ closed: boolean; changed_at: Date }>(
      `select closed, changed_at from orders.closed_sellers where seller_id = ? for update`,
      [sellerId],
    );
    if ((known?.closed ?? false) === closed || (known && new Date(known.changed_at) > at)) return false;
    await tx.query(
      `insert into orders.closed_sellers (seller_id, closed, reason, changed_at) values (?, ?, ?, ?)
       on conflict (seller_id) do update set closed = excluded.closed, reason = excluded.reason,
         changed_at = excluded.changed_at`,
      [sellerId, closed, reason, at],
    );
    return true;
  }

  /** The order's first refusal: true once per marketplace order id, false for every repeat. */
  async recordRefusal(
    tx: Tx,
    refusal: { marketplaceOrderId: string; sellerId: string; storeId: string; code: string },
    at: Date,
  ): Promise<boolean> {
    const rows = await tx.query(
      `insert into orders.refused_orders (marketplace_order_id, seller_id, store_id, code, refused_at)
       values (?, ?, ?, ?, ?) on conflict (marketplace_order_id) do nothing returning 1`,
      [refusal.marketplaceOrderId, refusal.sellerId, refusal.storeId, refusal.code, at],
    );
    return rows.length > 0;
  }
}
