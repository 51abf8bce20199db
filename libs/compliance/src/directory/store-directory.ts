import { Injectable } from '@nestjs/common';
import { OrderEvents, type OrderPlacedV1 } from '@tradehub/orders/contract';
import {
  type EventHandler,
  type IncomingEvent,
  pgArray,
  type Sql,
  type Tx,
  type UnitOfWork,
} from '@tradehub/platform';

export interface StoreOwner {
  storeId: string;
  sellerId: string;
  mainAccountId: string;
}

/** Store → seller and main account, learnt from the orders placed in each store. */
@Injectable()
export class StoreDirectory {
  /** CMP-6: a store seen for the first time, or moved to another seller or main account, is audited. */
  async record(tx: Tx, owner: StoreOwner, at: Date): Promise<void> {
    const [changed] = await tx.query<{ seller_id: string | null; main_account_id: string | null }>(
      `with before as (select seller_id, main_account_id from compliance.stores where store_id = ?)
       insert into compliance.stores (store_id, seller_id, main_account_id, first_seen_at) values (?, ?, ?, ?)
       on conflict (store_id) do update set seller_id = excluded.seller_id, main_account_id = excluded.main_account_id
       where (stores.seller_id, stores.main_account_id) is distinct from (excluded.seller_id, excluded.main_account_id)
       returning (select seller_id from before) as seller_id, (select main_account_id from before) as main_account_id`,
      [owner.storeId, owner.storeId, owner.sellerId, owner.mainAccountId, at],
    );
    if (!changed) return;
    tx.audit({
      action: 'compliance.store-owner-recorded',
      subjectType: 'store',
      subjectId: owner.storeId,
      storeId: owner.storeId,
      changes: {
        sellerId: { from: changed.seller_id, to: owner.sellerId },
        mainAccountId: { from: changed.main_account_id, to: owner.mainAccountId },
      },
    });
  }

  async owner(sql: Sql, storeId: string): Promise<StoreOwner | null> {
    const [row] = await sql.query<StoreOwner>(
      `select store_id as "storeId", seller_id as "sellerId", main_account_id as "mainAccountId"
       from compliance.stores where store_id = ?`,
      [storeId],
    );
    return row ?? null;
  }

  async storesOf(sql: Sql, sellerId: string): Promise<string[]> {
    const rows = await sql.query<{ store_id: string }>(
      `select store_id from compliance.stores where seller_id = ? order by store_id`,
      [sellerId],
    );
    return rows.map((r) => r.store_id);
  }

  async allStores(sql: Sql): Promise<string[]> {
    const rows = await sql.query<{ store_id: string }>(
      `select store_id from compliance.stores order by store_id`,
    );
    return rows.map((r) => r.store_id);
  }

  /** Stores of the given main accounts (ORD-6's filter). */
  async storesOfMainAccounts(sql: Sql, mainAccountIds: readonly string[]): Promise<string[]> {
    if (mainAccountIds.length === 0) return [];
    const rows = await sql.query<{ store_id: string }>(
      `select store_id from compliance.stores where main_account_id = any(?::text[]) order by store_id`,
      [pgArray(mainAccountIds)],
    );
    return rows.map((r) => r.store_id);
  }
}

/** Every order placed tells which seller and main account its store belongs to. */
export function storeDirectoryReaction(
  topic: string,
  database: UnitOfWork,
  directory: StoreDirectory,
): EventHandler {
  return {
    consumer: 'compliance.store-directory',
    topic,
    database,
    types: [OrderEvents.OrderPlaced],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const data = event.data as unknown as OrderPlacedV1;
      await directory.record(
        tx,
        { storeId: data.storeId, sellerId: data.sellerId, mainAccountId: data.mainAccountId },
        event.time,
      );
    },
  };
}
