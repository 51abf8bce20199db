import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { ConflictError } from '@tradehub/kernel';
import type { Sql, StoreScope, Tx } from '@tradehub/platform';
import type { AccountKind, AccountRef, EntryDraft } from '../domain';

export interface AccountRow {
  id: string;
  store_id: string | null;
  currency: string;
  kind: AccountKind;
  balance: string;
}

/** How `lock` keys the accounts it returns. */
export const accountKey = (r: AccountRef): string => `${r.storeId ?? ''}|${r.currency}|${r.kind}`;

/**
 * The ledger's one write path (SET-6): accounts are opened on first use and locked in id order
 * (two entries on the same accounts never deadlock), then each entry and its postings go in one
 * statement. The database checks the rest: the idempotency key is unique, every entry balances
 * per currency at commit, a frozen balance never goes below zero, balances move with postings.
 */
@Injectable()
export class LedgerRepository {
  /**
   * The accounts locked for the rest of the transaction (in id order), opened when new; keyed
   * `store|currency|kind`. Accounts exist after their first use, so this is one statement; the
   * insert and a second select run only for an account never used before.
   */
  async lock(
    tx: Tx,
    refs: readonly AccountRef[],
    held?: Map<string, AccountRow>,
  ): Promise<Map<string, AccountRow>> {
    const wanted = [...new Map(refs.map((r) => [accountKey(r), r])).values()].filter(
      (r) => !held?.has(accountKey(r)),
    );
    const locked = new Map(held);
    if (wanted.length === 0) return locked;
    const values = wanted.map(() => '(?, ?, ?)').join(', ');
    const params = wanted.flatMap((r) => [r.storeId, r.currency, r.kind]);
    const select = () =>
      tx.query<AccountRow>(
        `select a.id::text as id, a.store_id, a.currency, a.kind, a.balance::text as balance
         from settlement.accounts a join (values ${values}) as r(store_id, currency, kind)
           on a.store_id is not distinct from r.store_id::text and a.currency = r.currency and a.kind = r.kind
         order by a.id for update of a`,
        params,
      );
    let rows = await select();
    if (rows.length < wanted.length) {
      await tx.query(
        `insert into settlement.accounts (store_id, currency, kind) values ${values} on conflict do nothing`,
        params,
      );
      rows = await select();
    }
    for (const row of rows)
      locked.set(accountKey({ storeId: row.store_id, currency: row.currency, kind: row.kind }), row);
    return locked;
  }

  /**
   * Posts the entries in this transaction; one posted before under the same key fails it
   * (ENTRY_ALREADY_POSTED). `held`: accounts this transaction locked already (`lock`).
   */
  async post(tx: Tx, drafts: readonly EntryDraft[], held?: Map<string, AccountRow>): Promise<void> {
    if (drafts.length === 0) return;
    const accounts = await this.lock(
      tx,
      drafts.flatMap((d) => d.legs.map((l) => ({ storeId: l.storeId, currency: d.currency, kind: l.kind }))),
      held,
    );
    const entries: unknown[] = [];
    const postings: { entryId: string; accountId: bigint; currency: string; amount: bigint }[] = [];
    for (const d of drafts) {
      entries.push(
        d.id,
        d.key,
        d.kind,
        d.storeId,
        d.orderId,
        d.currency,
        d.occurredAt,
        d.reversesEntryId ?? null,
        JSON.stringify(d.metadata ?? {}),
      );
      for (const l of d.legs) {
        const account = accounts.get(accountKey({ storeId: l.storeId, currency: d.currency, kind: l.kind }))!;
        postings.push({
          entryId: d.id,
          accountId: BigInt(account.id),
          currency: d.currency,
          amount: l.amount,
        });
      }
    }
    // Balance rows are updated by the postings' trigger in this order: the locks' order.
    postings.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    try {
      await tx.query(
        `with e as (insert into settlement.journal_entries
           (id, idempotency_key, kind, store_id, order_id, currency, occurred_at, reverses_entry_id, metadata)
           values ${drafts.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)').join(', ')})
         insert into settlement.postings (entry_id, account_id, currency, amount, balance_after)
         values ${postings.map(() => '(?, ?, ?, ?, 0)').join(', ')}`,
        [
          ...entries,
          ...postings.flatMap((p) => [p.entryId, p.accountId.toString(), p.currency, p.amount.toString()]),
        ],
      );
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictError('ENTRY_ALREADY_POSTED', 'this entry was posted before (same cause)');
      throw error;
    }
    for (const d of drafts)
      tx.audit({
        action: 'ledger.entry-posted',
        subjectType: 'journal-entry',
        subjectId: d.id,
        storeId: d.storeId,
        changes: {
          key: d.key,
          kind: d.kind,
          currency: d.currency,
          orderId: d.orderId,
          reversesEntryId: d.reversesEntryId ?? null,
          postings: d.legs.map((l) => ({
            account: `${l.storeId ?? 'platform'}:${l.kind}`,
            amount: l.amount.toString(),
          })),
        },
      });
  }

  /** The visible stores' balances per currency and kind, read from the account rows (never from history). */
  async balances(sql: Sql, scope: StoreScope, storeId: string | null): Promise<AccountRow[]> {
    const where = ['store_id is not null'];
    const params: unknown[] = [];
    scope.restrict(where, params);
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    return sql.query<AccountRow>(
      `select id::text as id, store_id, currency, kind, balance::text as balance from settlement.accounts
       where ${where.join(' and ')} order by store_id, currency, kind`,
      params,
    );
  }
}
