// Durable-timer sweep: how fast TimerSweeper.fireDue drains due timers when the table also
// holds a large backlog of future ones, and whether the claim query stays on timers_due_idx.
//
//   npx nest build && node bench/timer-sweep.mjs
//   BENCH_FUTURE_TIMERS=1000000 BENCH_DUE_TIMERS=10000 TIMER_BATCH_SIZE=100 node bench/timer-sweep.mjs
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  bootApp,
  cpuProbe,
  createDatabase,
  dropDatabase,
  fmt,
  intEnv,
  loadDist,
  machine,
  markdownTable,
} from './lib.mjs';

const FUTURE = intEnv('BENCH_FUTURE_TIMERS', 1_000_000);
const DUE = intEnv('BENCH_DUE_TIMERS', 10_000);
const BATCH = intEnv('TIMER_BATCH_SIZE', 100);
const KIND = 'bench.noop';
// The instant the sweep runs "at"; passed to fireDue, so no clock is involved.
const NOW = new Date('2026-11-26T00:00:00.000Z');

// The inner select of the sweeper's claim in timer-sweeper.ts, with the same bound parameters;
// keep it in step if the sweeper's query changes.
const CLAIM = `select id from platform.timers
  where status = 'pending' and next_attempt_at <= $1 and (claimed_until is null or claimed_until < clock_timestamp())
  order by next_attempt_at, id limit $2 for update skip locked`;

const timed = async (work) => {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
};

/** EXPLAIN ANALYZE really takes the row locks, so it runs in a transaction that is rolled back. */
async function explainClaim(db) {
  await db.query('begin');
  try {
    const { rows } = await db.query(`explain (analyze, buffers) ${CLAIM}`, [NOW, BATCH]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.query('rollback');
  }
}

const dist = loadDist();
const databaseUrl = await createDatabase('bench_timers');
const db = new pg.Client({ connectionString: databaseUrl });
let app;
let failed = false;
try {
  // api role only: no background sweep, relay or consumers compete with the measured call.
  app = await bootApp(dist, databaseUrl, {
    ROLES: 'api',
    TIMER_POLL_MS: '3600000',
    TIMER_BATCH_SIZE: String(BATCH),
  });
  app.get(dist.platform.TimerHandlers).register({ kind: KIND, fire: async () => undefined });
  await db.connect();
  const info = await machine(db);

  // One statement each, so the backlog costs seconds, not a million round trips. Future timers
  // are due 30+ days out; due ones are spread over the hour before NOW, like a missed backlog.
  const future = await timed(() =>
    db.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       select gen_random_uuid(), $1, 'bench:future:' || g, t, t
       from generate_series(1, $2::int) g,
            lateral (select $3::timestamptz + interval '30 days' + g * interval '1 second' as t) d`,
      [KIND, FUTURE, NOW],
    ),
  );
  const due = await timed(() =>
    db.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       select gen_random_uuid(), $1, 'bench:due:' || g, t, t
       from generate_series(1, $2::int) g,
            lateral (select $3::timestamptz - (g % 3600) * interval '1 second' as t) d`,
      [KIND, DUE, NOW],
    ),
  );
  const analyze = await timed(() => db.query('analyze platform.timers'));

  const planBefore = await explainClaim(db);
  if (!planBefore.includes('timers_due_idx'))
    throw new Error(`claim query does not use timers_due_idx:\n${planBefore}`);

  // End to end: claim a batch, fire each timer (savepoint + handler + update) in the claiming
  // transaction, commit, repeat until a batch comes back short. Bounded: a failed timer is
  // rescheduled after NOW, so it cannot be claimed twice in this call.
  const probe = cpuProbe();
  const sweep = await timed(() => app.get(dist.platform.TimerSweeper).fireDue(NOW));
  const cpu = probe();
  const planAfter = await explainClaim(db);

  const { rows } = await db.query(`select status, count(*)::int as n from platform.timers group by status`);
  const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const expected = { fired: DUE, pending: FUTURE };
  // Exactly the due ones fired, every future one still pending, nothing failed or cancelled.
  failed =
    sweep.result !== DUE ||
    counts.fired !== DUE ||
    counts.pending !== FUTURE ||
    Object.keys(counts).length !== 2;
  const { rows: size } = await db.query(
    `select pg_size_pretty(pg_total_relation_size('platform.timers')) as total,
            pg_size_pretty(pg_relation_size('platform.timers_due_idx')) as due_idx`,
  );

  console.log(`\nmachine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(`timers table after the run: ${size[0].total} (timers_due_idx ${size[0].due_idx})\n`);
  console.log(
    markdownTable(
      ['step', 'rows', 'ms', 'rows/s'],
      [
        ['insert future timers (one insert ... select generate_series)', FUTURE, future.ms, FUTURE],
        ['insert due timers', DUE, due.ms, DUE],
        ['analyze platform.timers', '', analyze.ms, 0],
        [`fireDue(now): claim ${BATCH} per transaction, fire each`, sweep.result, sweep.ms, sweep.result],
      ].map(([step, n, ms, perSec]) => [
        step,
        String(n),
        fmt(ms, 0),
        perSec ? fmt((perSec / ms) * 1000, 0) : '',
      ]),
    ),
  );
  console.log(
    `\nduring fireDue: ${cpu.describe()}\nstatus counts after the sweep: ${JSON.stringify(counts)} (expected ${JSON.stringify(expected)})`,
  );
  console.log(`\nclaim query before the sweep (${DUE} due among ${DUE + FUTURE} pending):\n${planBefore}`);
  console.log(`\nclaim query after the sweep (nothing due):\n${planAfter}`);
  if (failed) console.error('\nFAILED: fired count or status counts differ from the expected ones');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await app?.close().catch(() => undefined);
  await db.end().catch(() => undefined);
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);
