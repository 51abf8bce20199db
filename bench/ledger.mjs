// SET-6: (1) journal entries per second through Settlement's command path (one withdrawal = one
// entry: lock the accounts, check available, post entry + postings, save the withdrawal, its event,
// its audit), next to PostgreSQL's own single-row INSERT rate with the same concurrency, rounds
// interleaved; (2) a store's balances and one page of its entries, read over HTTP as a seller,
// with BENCH_POSTINGS postings in the table.
//
//   npx nest build && node bench/ledger.mjs
//   BENCH_ENTRIES=400 BENCH_ROUNDS=1 BENCH_POSTINGS=20000 node bench/ledger.mjs   # the small run CI makes
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  bootApp,
  createDatabase,
  dropDatabase,
  fmt,
  intEnv,
  loadDist,
  machine,
  markdownTable,
  median,
  percentile,
  spread,
  recordResult,
} from './lib.mjs';

const ENTRIES = intEnv('BENCH_ENTRIES', 20000);
const ROUNDS = intEnv('BENCH_ROUNDS', 3);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 8);
const POSTINGS = intEnv('BENCH_POSTINGS', 10_000_000);
const READS = intEnv('BENCH_READS', 200);
const STORES = 1000;

const dist = loadDist();
const require = createRequire(import.meta.url);
const { CommandBus } = require('@nestjs/cqrs');
const { RequestWithdrawalCommand } = require(
  path.join(dist.root, 'libs/settlement/src/commands/withdraw/withdraw.command.js'),
);
const databaseUrl = await createDatabase('bench_ledger');
let app;
let pool;
let failed = false;
try {
  app = await bootApp(dist, databaseUrl, { SANDBOX: 'false' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const commands = app.get(CommandBus);
  const all = dist.platform.StoreScope.all();
  pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const info = await machine(pool);

  // Every writer its own store, each with enough available money for the whole run.
  await pool.query(
    `create table bench_rows (id bigint generated always as identity primary key, store text, amount bigint)`,
  );
  await seedAvailable(
    pool,
    Array.from({ length: CONCURRENCY }, (_, w) => `bench-w${w}`),
    10n ** 15n,
  );

  let sequence = 0;
  const phases = {
    'entries through the command path (withdrawals)': async (w) => {
      const key = `k-${++sequence}`;
      await commands.execute(
        new RequestWithdrawalCommand(`bench-w${w}`, 'USD', '1', null, key, 'bench', all),
      );
    },
    'PostgreSQL single-row INSERT (autocommit)': (w) =>
      pool.query('insert into bench_rows (store, amount) values ($1, $2)', [`bench-w${w}`, 1]),
  };
  const rates = Object.fromEntries(Object.keys(phases).map((k) => [k, []]));
  for (let round = -1; round < ROUNDS; round++) {
    for (const [label, op] of Object.entries(phases)) {
      const n = round < 0 ? Math.min(ENTRIES, 500) : ENTRIES;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, w) => {
          for (let i = w; i < n; i += CONCURRENCY) await op(w);
        }),
      );
      if (round >= 0) rates[label].push((n / (performance.now() - started)) * 1000);
    }
  }
  const [{ entries }] = (
    await pool.query(
      `select count(*)::int as entries from settlement.journal_entries where kind = 'WITHDRAWAL'`,
    )
  ).rows;
  const expected = Math.min(ENTRIES, 500) + ENTRIES * ROUNDS;
  if (entries !== expected) throw new Error(`posted ${entries} withdrawal entries, expected ${expected}`);
  const [{ off }] = (
    await pool.query(
      `select count(*)::int as off from (select currency, sum(balance) s from settlement.accounts group by currency having sum(balance) <> 0) x`,
    )
  ).rows;
  if (off !== 0) throw new Error('the ledger does not balance');

  // 10 million postings: loaded in bulk (as a restore would, triggers off), balances set from them.
  const loadStarted = performance.now();
  await loadPostings(pool, POSTINGS);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const [{ total }] = (await pool.query(`select count(*)::bigint as total from settlement.postings`)).rows;
  const tokens = app.get(dist.platform.TokenService);
  const store = 'load-7';
  const seller = await tokens.mint({ id: 'bench-seller', kind: 'seller_staff', stores: [store], scopes: [] });
  const reads = {
    "GET /v1/settlement/balances?storeId=… (the store's balances)": `/v1/settlement/balances?storeId=${store}`,
    'GET /v1/settlement/entries?storeId=…&limit=50 (one page, with postings)': `/v1/settlement/entries?storeId=${store}&limit=50`,
  };
  const readRows = [];
  for (const [label, url] of Object.entries(reads)) {
    const times = [];
    for (let i = -20; i < READS; i++) {
      const started = performance.now();
      const res = await fetch(`${appUrl}${url}`, { headers: { authorization: `Bearer ${seller}` } });
      const body = await res.json();
      if (res.status !== 200 || (Array.isArray(body) ? body.length === 0 : body.items.length === 0))
        throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      if (i >= 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    readRows.push([
      label,
      fmt(percentile(times, 50), 2),
      fmt(percentile(times, 95), 2),
      fmt(percentile(times, 99), 2),
    ]);
  }

  console.log(`machine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(`${ENTRIES} operations per phase, ${CONCURRENCY} concurrent, ${ROUNDS} interleaved rounds\n`);
  console.log(
    markdownTable(
      ['phase', 'per second, per round', 'median'],
      Object.entries(rates).map(([label, xs]) => [
        label,
        xs.map((x) => fmt(x, 0)).join(', '),
        fmt(median(xs), 0),
      ]),
    ),
  );
  const [command, insert] = Object.values(rates);
  recordResult(
    'SET-6 entries ÷ single-row inserts',
    command.map((c, i) => c / insert[i]),
  );
  console.log('');
  console.log(
    markdownTable(
      ['ratio, per round', 'min / median / max'],
      [['entries ÷ single-row inserts', spread(command.map((c, i) => c / insert[i]))]],
    ),
  );
  console.log(
    `\n${total} postings in the table (${fmt(loadSeconds, 0)} s to load); ${READS} reads each, one at a time:\n`,
  );
  console.log(markdownTable(['read', 'p50 ms', 'p95 ms', 'p99 ms'], readRows));
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await pool?.end();
  await app?.close();
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);

/** One balanced seed entry per store: AVAILABLE +amount against CLEARING. */
async function seedAvailable(pool, stores, amount) {
  for (const store of stores) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const ids = [];
      for (const [owner, kind] of [
        [store, 'AVAILABLE'],
        [null, 'CLEARING'],
      ])
        ids.push(
          (
            await client.query(
              `with opened as (insert into settlement.accounts (store_id, currency, kind) values ($1, 'USD', $2)
                 on conflict do nothing returning id)
               select id from opened union all
               select id from settlement.accounts where store_id is not distinct from $1 and currency = 'USD' and kind = $2`,
              [owner, kind],
            )
          ).rows[0].id,
        );
      const { rows } = await client.query(
        `insert into settlement.journal_entries (id, idempotency_key, kind, store_id, currency, occurred_at)
         values (gen_random_uuid(), $1, 'RELEASE', $2, 'USD', now()) returning id`,
        [`seed:${store}`, store],
      );
      await client.query(
        `insert into settlement.postings (entry_id, account_id, currency, amount, balance_after)
         values ($1, $2, 'USD', $4, 0), ($1, $3, 'USD', -$4::bigint, 0)`,
        [rows[0].id, ids[0], ids[1], amount.toString()],
      );
      await client.query('commit');
    } finally {
      client.release();
    }
  }
}

/** `count` postings (two per entry) over STORES stores, then every balance set to its postings' sum. */
async function loadPostings(pool, count) {
  const client = await pool.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(
      `insert into settlement.accounts (store_id, currency, kind)
       select 'load-' || i, 'USD', k from generate_series(0, ${STORES - 1}) i, unnest(array['FROZEN', 'AVAILABLE']) k
       on conflict do nothing`,
    );
    const entries = Math.floor(count / 2);
    const chunk = 500_000;
    for (let from = 1; from <= entries; from += chunk) {
      const to = Math.min(entries, from + chunk - 1);
      await client.query(
        `with e as (
           insert into settlement.journal_entries (id, idempotency_key, kind, store_id, order_id, currency, occurred_at)
           select gen_random_uuid(), 'load:' || g, 'FREEZE', 'load-' || (g % ${STORES}), gen_random_uuid(), 'USD',
             timestamptz '2026-01-01' + g * interval '1 second'
           from generate_series(${from}, ${to}) g
           returning id, store_id)
         insert into settlement.postings (entry_id, account_id, currency, amount, balance_after)
         select e.id, a.id, 'USD', case when a.kind = 'FROZEN' then 100 else -100 end, 0
         from e join settlement.accounts a on a.currency = 'USD'
           and ((a.store_id = e.store_id and a.kind = 'FROZEN') or (a.store_id is null and a.kind = 'CLEARING'))`,
      );
    }
    await client.query(
      `update settlement.accounts a set balance = s.total, posting_count = s.n
       from (select account_id, sum(amount) as total, count(*) as n from settlement.postings group by account_id) s
       where s.account_id = a.id`,
    );
    await client.query('set session_replication_role = origin');
    await client.query('analyze settlement.accounts, settlement.journal_entries, settlement.postings');
  } finally {
    client.release();
  }
}
