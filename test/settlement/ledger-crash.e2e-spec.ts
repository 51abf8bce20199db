import { loadConfig, TokenService } from '@tradehub/platform';
import { Client } from 'pg';
import { withdrawalId } from '../../libs/settlement/src/commands/withdraw/withdraw.handler';
import { createDatabase, dropDatabase, withClient } from '../support/database';
import { serviceEnv, topicEnv, uniqueName } from '../support/env';
import { AppProcess, ensureBuilt, freePort } from '../support/processes';
import { T0 } from '../support/test-app';

const SECRET = 'ledger-crash-secret-0123456789abcdef0123456789';
const STORE = 'store-crash';

/**
 * SET-6: a process killed (kill -9) while a posting is under way, between its statements or inside
 * the statement that writes the entry, leaves none of it; after a restart the same request posts
 * the whole entry once, and a replay posts nothing new. The pause comes from a row lock the test
 * holds on the account the next statement needs.
 */
describe('SET-6: a crash in the middle of a posting leaves all of the entry or none', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let seller: string;

  beforeAll(async () => {
    ensureBuilt();
    databaseUrl = await createDatabase();
    await withClient(databaseUrl, async (c) => {
      await c.query(`insert into platform.sandbox_clock (id, now) values (1, $1)`, [T0]);
      // 100.00 USD released to the store, posted as the ledger would (a balanced entry).
      const ids = [];
      for (const [store, kind] of [
        [STORE, 'AVAILABLE'],
        [null, 'CLEARING'],
        [STORE, 'PAYOUT_IN_TRANSIT'],
      ])
        ids.push(
          (
            await c.query(
              `insert into settlement.accounts (store_id, currency, kind) values ($1, 'USD', $2) returning id`,
              [store, kind],
            )
          ).rows[0].id,
        );
      await c.query('begin');
      const entry = await c.query(
        `insert into settlement.journal_entries (id, idempotency_key, kind, store_id, currency, occurred_at)
         values (gen_random_uuid(), 'seed', 'RELEASE', $1, 'USD', $2) returning id`,
        [STORE, T0],
      );
      await c.query(
        `insert into settlement.postings (entry_id, account_id, currency, amount, balance_after)
         values ($1, $2, 'USD', 10000, 0), ($1, $3, 'USD', -10000, 0)`,
        [entry.rows[0].id, ids[0], ids[1]],
      );
      await c.query('commit');
    });
    const namespace = uniqueName('crash');
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: serviceEnv().kafkaBrokers,
      ...topicEnv(namespace),
      AUTH_JWT_SECRET: SECRET,
      SANDBOX: 'true',
      LOG_LEVEL: 'fatal',
      IDEMPOTENCY_LEASE_SECONDS: '2',
      STORAGE_DIR: `/tmp/${namespace}`,
    };
    seller = await new TokenService(loadConfig({ AUTH_JWT_SECRET: SECRET })).mint({
      id: 'seller-crash',
      kind: 'seller_staff',
      stores: [STORE],
      scopes: [],
    });
  }, 120_000);

  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  const ledger = () =>
    withClient(databaseUrl, async (c) => ({
      entries: Number((await c.query(`select count(*) from settlement.journal_entries`)).rows[0].count),
      postings: Number((await c.query(`select count(*) from settlement.postings`)).rows[0].count),
      withdrawals: Number((await c.query(`select count(*) from settlement.withdrawals`)).rows[0].count),
      events: Number(
        (
          await c.query(
            `select count(*) from platform.outbox where type = 'tradehub.settlement.payout-requested'`,
          )
        ).rows[0].count,
      ),
      balances: (
        await c.query(
          `select kind, balance::text from settlement.accounts where store_id = $1 order by kind`,
          [STORE],
        )
      ).rows,
    }));

  /** Waits until a backend of the app waits for the lock the test holds. */
  async function waitForBlockedBackend(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const blocked = await withClient(databaseUrl, (c) =>
        c.query(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        ),
      );
      if (blocked.rowCount) return;
      if (Date.now() > deadline) throw new Error('the posting never reached the held lock');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Where the posting stops: holding the available account's row (between statements, nothing
   * written yet); holding the entry's own idempotency key (inside the statement that writes the
   * entry and its postings); holding the withdrawal's id (after the entry, at the commit's statement).
   */
  const stages: [string, (holder: Client, key: string) => Promise<unknown>, 'none' | 'whole'][] = [
    [
      'between statements, before anything is written',
      (h) =>
        h.query(`select 1 from settlement.accounts where store_id = $1 and kind = 'AVAILABLE' for update`, [
          STORE,
        ]),
      'none',
    ],
    [
      'inside the statement that writes the entry and its postings',
      (h, key) =>
        h.query(
          `insert into settlement.journal_entries (id, idempotency_key, kind, currency, occurred_at)
           values (gen_random_uuid(), $1, 'WITHDRAWAL', 'USD', now())`,
          [`withdrawal:${withdrawalId(STORE, 'seller-crash', key)}`],
        ),
      'none',
    ],
    // The commit's statement and COMMIT travel in one message: the server holds the whole
    // transaction, so it commits in full even though its client is gone.
    [
      'after the entry, at the commit (sent in full before the kill)',
      (h, key) =>
        h.query(
          `insert into settlement.withdrawals (id, store_id, currency, amount_minor, payout_currency, payout_minor,
             status, requested_by, requested_at, entry_ids, version)
           values ($1, $2, 'USD', 1, 'USD', 1, 'REQUESTED', 'holder', now(), '[]', 1)`,
          [withdrawalId(STORE, 'seller-crash', key), STORE],
        ),
      'whole',
    ],
  ];

  it.each(stages)(
    'SET-6: killed while a withdrawal waits %s: all of it or none; the retry completes it once',
    async (where, hold, outcome) => {
      const before = await ledger();
      // Each start its own consumer groups: nothing waits for the killed member's session to end.
      const app = new AppProcess(await freePort(), { ...env, KAFKA_CONSUMER_GROUP: uniqueName('g') });
      const holder = new Client({ connectionString: databaseUrl });
      await holder.connect();
      try {
        app.start();
        await app.ready();
        const key = `crash-${where}`;
        await holder.query('begin');
        // The holder's rows are never committed, so the constraint triggers they would fire never run.
        await hold(holder, key);
        const body = { storeId: STORE, amount: { minor: '2500', currency: 'USD' } };
        const pending = app.http
          .post('/v1/settlement/withdrawals', body, seller, { 'Idempotency-Key': key })
          .catch(() => null);
        await waitForBlockedBackend();
        await app.stop('SIGKILL');
        await pending;
        await holder.query('rollback');
        // The killed process's transactions end (rolled back, or committed when the server had all of it).
        const deadline = Date.now() + 20_000;
        const open = `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
          and xact_start is not null`;
        while ((await withClient(databaseUrl, (c) => c.query(open))).rowCount)
          if (Date.now() > deadline) throw new Error('the killed transaction stayed open');
          else await new Promise((r) => setTimeout(r, 50));
        const whole = { entries: 1, postings: 2, withdrawals: 1, events: 1 };
        const none = { entries: 0, postings: 0, withdrawals: 0, events: 0 };
        const delta = (after: Awaited<ReturnType<typeof ledger>>) => ({
          entries: after.entries - before.entries,
          postings: after.postings - before.postings,
          withdrawals: after.withdrawals - before.withdrawals,
          events: after.events - before.events,
        });
        expect(delta(await ledger())).toEqual(outcome === 'whole' ? whole : none);

        const restarted = new AppProcess(await freePort(), { ...env, KAFKA_CONSUMER_GROUP: uniqueName('g') });
        restarted.start();
        try {
          await restarted.ready();
          // The killed attempt holds its key until the lease ends (409), then the retry runs.
          let retried = await restarted.http.post('/v1/settlement/withdrawals', body, seller, {
            'Idempotency-Key': key,
          });
          while (retried.status === 409 && retried.body.code === 'IDEMPOTENT_REQUEST_IN_PROGRESS') {
            await new Promise((r) => setTimeout(r, 200));
            retried = await restarted.http.post('/v1/settlement/withdrawals', body, seller, {
              'Idempotency-Key': key,
            });
          }
          expect(retried.status).toBe(201);
          const replay = await restarted.http.post('/v1/settlement/withdrawals', body, seller, {
            'Idempotency-Key': key,
          });
          expect(replay.body.id).toBe(retried.body.id);
          expect(delta(await ledger())).toEqual(whole);
        } finally {
          await restarted.stop('SIGKILL');
        }
      } finally {
        await holder.end().catch(() => undefined);
        await app.stop('SIGKILL');
      }
    },
    120_000,
  );
});
