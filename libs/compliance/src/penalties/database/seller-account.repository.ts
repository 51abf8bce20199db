import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, ValidationError } from '@tradehub/kernel';
import { pgArray, type Sql, type StoreScope, type Tx } from '@tradehub/platform';
import { SellerAccount } from '../domain';

/** A seller whose stores the caller may see, with its account (null: nothing against it yet). */
export interface SellerPenalties {
  sellerId: string;
  /** The seller's stores the caller may see. */
  storeIds: string[];
  account: SellerAccount | null;
}

export interface SellerPenaltiesFilter {
  storeId?: string;
  /** Only sellers with a fake-shipment case, counted or reversed (the ones an operator works). */
  withCases?: boolean;
  cursor?: string;
  limit: number;
}

/** CMP-4's seller accounts: loaded to change (locked), found by case, and listed by seller. */
@Injectable()
export class SellerAccountRepository {
  /**
   * One account changes one transaction at a time, also before its row exists (two first cases of
   * a seller at once); taken before the row is read.
   */
  async lock(tx: Tx, sellerId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`compliance.seller-account:${sellerId}`]);
  }

  find(tx: Tx, sellerId: string, forUpdate = true): Promise<SellerAccount | null> {
    return tx.findById(SellerAccount, sellerId, forUpdate);
  }

  async sellerOfCase(sql: Sql, caseId: string): Promise<string | null> {
    const [row] = await sql.query<{ seller_id: string }>(
      `select seller_id from compliance.seller_accounts where cases @> ?::jsonb`,
      [JSON.stringify([{ caseId }])],
    );
    return row?.seller_id ?? null;
  }

  /** Sellers of the stores the scope may see (or of the one store asked for), by seller id. */
  async page(
    tx: Tx,
    scope: StoreScope,
    f: SellerPenaltiesFilter,
  ): Promise<{
    items: SellerPenalties[];
    nextCursor: string | null;
  }> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    const visible = { where: [...where], params: [...params] };
    if (f.storeId) {
      where.push('store_id = ?');
      params.push(f.storeId);
    }
    if (f.withCases)
      where.push(
        `seller_id in (select seller_id from compliance.seller_accounts where cases <> '[]'::jsonb)`,
      );
    if (f.cursor) {
      where.push('seller_id > ?');
      params.push(sellerCursor(f.cursor));
    }
    const sellers = await tx.query<{ seller_id: string }>(
      `select distinct seller_id from compliance.stores ${where.length ? `where ${where.join(' and ')}` : ''}
        order by seller_id limit ?`,
      [...params, f.limit + 1],
    );
    const ids = sellers.slice(0, f.limit).map((s) => s.seller_id);
    if (ids.length === 0) return { items: [], nextCursor: null };
    const stores = await tx.query<{ seller_id: string; store_id: string }>(
      `select seller_id, store_id from compliance.stores
        where seller_id = any(?::text[]) ${visible.where.map((w) => `and ${w}`).join(' ')} order by store_id`,
      [pgArray(ids), ...visible.params],
    );
    const rows = await tx.query<Record<string, unknown>>(
      `select * from compliance.seller_accounts where seller_id = any(?::text[])`,
      [pgArray(ids)],
    );
    const accounts = new Map(
      rows.map((row) => [String(row.seller_id), tx.track(SellerAccount, row as never)]),
    );
    return {
      items: ids.map((sellerId) => ({
        sellerId,
        storeIds: stores.filter((s) => s.seller_id === sellerId).map((s) => s.store_id),
        account: accounts.get(sellerId) ?? null,
      })),
      nextCursor: sellers.length > f.limit ? encodeCursor([ids.at(-1)!]) : null,
    };
  }
}

const SELLER_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The last seller id of the previous page, as this API issued it (nothing unchecked reaches the query). */
function sellerCursor(cursor: string): string {
  const [sellerId, ...rest] = decodeCursor(cursor);
  if (typeof sellerId !== 'string' || !SELLER_ID.test(sellerId) || rest.length > 0)
    throw new ValidationError('is not a cursor this API issued', 'cursor');
  return sellerId;
}
