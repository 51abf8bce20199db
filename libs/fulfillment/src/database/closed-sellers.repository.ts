import { Injectable } from '@nestjs/common';
import { pgArray, type Sql, type Tx } from '@tradehub/platform';

/** CMP-4 as Fulfillment keeps it: which sellers are closed (their orders confirm no shipment). */
@Injectable()
export class ClosedSellerRepository {
  async isClosed(sql: Sql, sellerId: string): Promise<boolean> {
    const [row] = await sql.query<{ closed: boolean }>(
      `select closed from fulfillment.closed_sellers where seller_id = ?`,
      [sellerId],
    );
    return row?.closed ?? false;
  }

  /**
   * CMP-4 checked by the commit's own statement (no round trip of its own): the transaction fails
   * as CHANGED_CONCURRENTLY when the seller is closed by then; the caller then asks `isClosed`.
   */
  expectOpen(tx: Tx, sellerId: string): void {
    tx.expectNoRow(
      `select 1 from fulfillment.closed_sellers where seller_id = ? and closed limit 1`,
      [sellerId],
      `seller ${sellerId} closed`,
    );
  }

  /**
   * The seller's account closed or reopened at `at`; true when that changed what Fulfillment knew.
   * A change older than the one kept, or one that changes nothing, is ignored.
   */
  async record(
    tx: Tx,
    change: { sellerId: string; closed: boolean; storeIds: readonly string[]; reason: string },
    at: Date,
  ): Promise<boolean> {
    const [known] = await tx.query<{ closed: boolean; changed_at: Date }>(
      `select closed, changed_at from fulfillment.closed_sellers where seller_id = ? for update`,
      [change.sellerId],
    );
    if ((known?.closed ?? false) === change.closed || (known && new Date(known.changed_at) > at))
      return false;
    await tx.query(
      `insert into fulfillment.closed_sellers (seller_id, closed, store_ids, reason, changed_at)
       values (?, ?, ?::text[], ?, ?)
       on conflict (seller_id) do update set closed = excluded.closed, store_ids = excluded.store_ids,
         reason = excluded.reason, changed_at = excluded.changed_at`,
      [change.sellerId, change.closed, pgArray(change.storeIds), change.reason, at],
    );
    return true;
  }
}
