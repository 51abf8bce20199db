import type { Client } from 'pg';
import { withClient } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * SET-6 held by PostgreSQL itself, not only by the code: statements run as the Settlement
 * context's own role (and, for append-only, as the superuser too) are refused.
 */
describe('SET-6: the database refuses an unbalanced, edited or deleted ledger', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
  });

  afterAll(async () => {
    await t.close();
  });

  /** Runs `work` in a transaction as the Settlement role; returns the error PostgreSQL raised, if any. */
  async function asSettlement(work: (c: Client) => Promise<unknown>): Promise<string | null> {
    return withClient(t.databaseUrl, async (c) => {
      await c.query('begin');
      await c.query('set local role tradehub_settlement');
      try {
        await work(c);
        await c.query('commit');
        return null;
      } catch (error) {
        await c.query('rollback');
        return String((error as Error).message);
      }
    });
  }

  const account = async (c: Client, store: string | null, kind: string, currency = 'USD'): Promise<string> =>
    (
      await c.query(
        `with opened as (insert into settlement.accounts (store_id, currency, kind) values ($1, $2, $3)
           on conflict do nothing returning id)
         select id from opened union all
         select id from settlement.accounts where store_id is not distinct from $1 and currency = $2 and kind = $3`,
        [store, currency, kind],
      )
    ).rows[0].id;

  async function entry(
    c: Client,
    key: string,
    legs: [string, number][],
    currency = 'USD',
    postingCurrency = currency,
  ): Promise<string> {
    const id = (
      await c.query(
        `insert into settlement.journal_entries (id, idempotency_key, kind, currency, occurred_at)
         values (gen_random_uuid(), $1, 'FREEZE', $2, now()) returning id`,
        [key, currency],
      )
    ).rows[0].id;
    for (const [accountId, amount] of legs)
      await c.query(
        `insert into settlement.postings (entry_id, account_id, currency, amount, balance_after) values ($1, $2, $3, $4, 0)`,
        [id, accountId, postingCurrency, amount],
      );
    return id;
  }

  let frozen: string;
  let clearing: string;

  beforeAll(async () => {
    await withClient(t.databaseUrl, async (c) => {
      frozen = await account(c, 'store-g', 'FROZEN');
      clearing = await account(c, null, 'CLEARING');
    });
  });

  it('SET-6: a balanced entry commits and moves both balances; balance_after records each step', async () => {
    expect(
      await asSettlement((c) =>
        entry(c, 'ok-1', [
          [frozen, 500],
          [clearing, -500],
        ]),
      ),
    ).toBeNull();
    const rows = await withClient(t.databaseUrl, (c) =>
      c.query(`select kind, balance::int from settlement.accounts where id in ($1, $2) order by kind`, [
        clearing,
        frozen,
      ]),
    );
    expect(rows.rows).toEqual([
      { kind: 'CLEARING', balance: -500 },
      { kind: 'FROZEN', balance: 500 },
    ]);
  });

  it('SET-6: an entry that does not sum to zero, or has one leg, is refused at commit', async () => {
    expect(
      await asSettlement((c) =>
        entry(c, 'bad-1', [
          [frozen, 500],
          [clearing, -499],
        ]),
      ),
    ).toMatch(/does not balance/);
    expect(await asSettlement((c) => entry(c, 'bad-2', [[frozen, 1]]))).toMatch(/at least two/);
    expect(
      await asSettlement(async (c) => {
        await c.query(
          `insert into settlement.journal_entries (id, idempotency_key, kind, currency, occurred_at)
           values (gen_random_uuid(), 'bad-3', 'FREEZE', 'USD', now())`,
        );
      }),
    ).toMatch(/has 0 posting/);
  });

  it('SET-6: a posting in another currency than its entry, or to an account of another currency, is refused', async () => {
    const [eurClearing, eurFrozen] = await withClient(t.databaseUrl, async (c) => [
      await account(c, null, 'CLEARING', 'EUR'),
      await account(c, 'store-g', 'FROZEN', 'EUR'),
    ]);
    expect(
      await asSettlement((c) =>
        entry(c, 'bad-4', [
          [frozen, 5],
          [eurClearing, -5],
        ]),
      ),
    ).toMatch(/unknown account/);
    expect(
      await asSettlement((c) =>
        entry(
          c,
          'bad-5',
          [
            [eurFrozen, 5],
            [eurClearing, -5],
          ],
          'USD',
          'EUR',
        ),
      ),
    ).toMatch(/another currency/);
  });

  it('SET-6: postings and entries cannot be updated, deleted or truncated, not even by the superuser', async () => {
    for (const sql of [
      `update settlement.postings set amount = amount + 1`,
      `delete from settlement.postings`,
      `update settlement.journal_entries set kind = 'RELEASE'`,
      `delete from settlement.journal_entries`,
    ]) {
      expect(await asSettlement((c) => c.query(sql))).toMatch(/permission denied|append-only/);
      const asOwner = await withClient(t.databaseUrl, (c) =>
        c.query(sql).then(
          () => null,
          (e: Error) => e.message,
        ),
      );
      expect(asOwner).toMatch(/append-only/);
    }
    const truncate = await withClient(t.databaseUrl, (c) =>
      c.query(`truncate settlement.postings, settlement.journal_entries cascade`).then(
        () => null,
        (e: Error) => e.message,
      ),
    );
    expect(truncate).toMatch(/append-only/);
  });

  it('SET-6: a balance moves only with a posting; a frozen balance never goes below zero', async () => {
    expect(
      await asSettlement((c) =>
        c.query(`update settlement.accounts set balance = 1000000 where id = $1`, [frozen]),
      ),
    ).toMatch(/only by postings/);
    expect(
      await asSettlement((c) => c.query(`delete from settlement.accounts where id = $1`, [frozen])),
    ).toMatch(/permission denied|only by postings/);
    expect(
      await asSettlement((c) =>
        entry(c, 'overdraw', [
          [frozen, -501],
          [clearing, 501],
        ]),
      ),
    ).toMatch(/accounts_frozen_not_negative/);
  });

  it('SET-6: an idempotency key posts once', async () => {
    expect(
      await asSettlement((c) =>
        entry(c, 'ok-1', [
          [frozen, 1],
          [clearing, -1],
        ]),
      ),
    ).toMatch(/duplicate key/);
  });
});
