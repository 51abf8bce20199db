// Durable-timer sweep against its peer, pg-boss, in the same run and the same database:
// (a) TimerSweeper.fireDue with a no-op handler drains 10,000 due timers among 1,000,000 future ones;
// (b) pg-boss (its own schema) works 10,000 due no-op jobs among 1,000,000 future ones (startAfter),
//     batch size 100, timed from work() to all 10,000 completed;
// (c) a burst: 10,000 timers (jobs) due at one instant, fired by a sweep loop as the worker runs it
//     (pg-boss: its own polling worker; tradehub: the worker's TimerLoop, which also wakes at the
//     next due instant); lag of each = when its handler ran minus the instant.
// (a), (b) and (c) are interleaved over BENCH_ROUNDS rounds (the order alternates), then the
// ratios are printed. The claim query's plan is checked to stay on timers_due_idx. Each side's
// table is analyzed after its rows are written, as autovacuum would in time: pg-boss keeps every
// queue in one table, whose statistics would otherwise still say a new queue is empty (and its
// fetch then scans the million future jobs, about a second per batch).
//
//   npx nest build && node bench/timer-sweep.mjs
//   BENCH_FUTURE_TIMERS=1000000 BENCH_DUE_TIMERS=10000 BENCH_ROUNDS=3 BENCH_POLL_MS=500 node bench/timer-sweep.mjs
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
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
  percentile,
  recordResult,
  spread,
} from './lib.mjs';

const FUTURE = intEnv('BENCH_FUTURE_TIMERS', 1_000_000);
const DUE = intEnv('BENCH_DUE_TIMERS', 10_000);
const BURST = intEnv('BENCH_BURST_TIMERS', DUE);
const ROUNDS = intEnv('BENCH_ROUNDS', 3);
// pg-boss's batch size is fixed at 100 (issue 9's peer); tradehub claims TIMER_BATCH_SIZE when set, else its default.
const BOSS_BATCH = intEnv('BENCH_PGBOSS_BATCH', 100);
const APP_BATCH = process.env.TIMER_BATCH_SIZE;
let BATCH; // tradehub's claim size, read from the booted app's settings
// Both sides poll for due work this often in the burst; pg-boss accepts no less than 500 ms.
const POLL_MS = intEnv('BENCH_POLL_MS', 500);
// pg-boss's jobs are loaded with its own insert(), this many per call.
const BOSS_CHUNK = intEnv('BENCH_PGBOSS_CHUNK', 20_000);
// Time allowed for writing a burst before it falls due.
const BURST_WRITE_MS = intEnv('BENCH_BURST_WRITE_MS', 6000);
const KIND = 'bench.noop';
const BURST_KIND = 'bench.burst';
const QUEUE = 'bench-noop';
const BURST_QUEUE = 'bench-burst';
// The wall clock, for the burst (its timers and jobs fall due in real time).
const wallNow = () => performance.timeOrigin + performance.now();
// The instant the throughput sweep runs "at"; passed to fireDue, so no clock is involved.
const NOW = new Date('2026-11-26T00:00:00.000Z');
// Future timers and jobs: 30+ days past both NOW and the wall clock the burst sweeps run at.
const FUTURE_FROM = new Date(Math.max(NOW.getTime(), wallNow()) + 30 * 24 * 3600_000);

// The inner select of the claim in timer-sweep-sql.ts, with the same bound parameters (no batch
// being marked: an empty id list); keep it in step if the sweeper's query changes.
const CLAIM = `select id from platform.timers
  where status = 'pending' and kind = any($3::text[])
    and (claimed_until is null or claimed_until < clock_timestamp()) and next_attempt_at <= $1 and id <> all('{}'::uuid[])
  order by next_attempt_at, id limit $2 for update skip locked`;

const timed = async (work) => {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** EXPLAIN ANALYZE really takes the row locks, so it runs in a transaction that is rolled back. */
async function explainClaim(db) {
  await db.query('begin');
  try {
    const { rows } = await db.query(`explain (analyze, buffers) ${CLAIM}`, [NOW, BATCH, `{${KIND}}`]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.query('rollback');
  }
}

async function statusCounts(db, kind) {
  const { rows } = await db.query(
    `select status, count(*)::int as n from platform.timers where kind = $1 group by status`,
    [kind],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function jobCounts(db, queue) {
  const { rows } = await db.query(
    `select state::text, count(*)::int as n from pgboss.job where name = $1 group by state`,
    [queue],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** pg-boss's own bulk path, `insert`, in chunks (one statement each: a JSON recordset). */
async function insertJobs(boss, queue, count, startAfter) {
  for (let from = 0; from < count; from += BOSS_CHUNK) {
    const n = Math.min(BOSS_CHUNK, count - from);
    await boss.insert(
      queue,
      Array.from({ length: n }, () => (startAfter ? { startAfter } : {})),
    );
  }
}

/** Waits until `done()` holds, checking every few milliseconds; fails after `ms`. */
async function until(done, ms, what) {
  const deadline = performance.now() + ms;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function lagStats(lags) {
  const sorted = [...lags].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

const dist = loadDist();
const databaseUrl = await createDatabase('bench_timers');
const db = new pg.Client({ connectionString: databaseUrl });
let app;
let boss;
let failed = false;
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
};
try {
  // api role only: no background sweep, relay or consumers compete with the measured call.
  app = await bootApp(dist, databaseUrl, {
    ROLES: 'api',
    TIMER_POLL_MS: '3600000',
    ...(APP_BATCH ? { TIMER_BATCH_SIZE: APP_BATCH } : {}),
  });
  BATCH = app.get(dist.platform.APP_CONFIG).timers.batchSize;
  const handlers = app.get(dist.platform.TimerHandlers);
  const sweeper = app.get(dist.platform.TimerSweeper);
  handlers.register({ kind: KIND, fire: async () => undefined });
  // The burst's handler writes nothing either; it notes when it ran.
  let burstRuns = [];
  handlers.register({ kind: BURST_KIND, fire: async (timer) => void burstRuns.push([timer.id, wallNow()]) });
  await db.connect();
  const info = await machine(db);

  boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    // Its maintenance and cron passes would only add work to pg-boss's side of the measurement.
    supervise: false,
    schedule: false,
  });
  boss.on('error', (error) => problems.push(`pg-boss: ${error.message}`));
  await boss.start();
  await boss.createQueue(QUEUE);
  await boss.createQueue(BURST_QUEUE);

  // One statement each, so the backlog costs seconds, not a million round trips. Future timers
  // are due 30+ days out; due ones are spread over the hour before NOW, like a missed backlog.
  const future = await timed(() =>
    db.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       select gen_random_uuid(), $1, 'bench:future:' || g, t, t
       from generate_series(1, $2::int) g,
            lateral (select $3::timestamptz + g * interval '1 second' as t) d`,
      [KIND, FUTURE, FUTURE_FROM],
    ),
  );
  const bossFuture = await timed(() => insertJobs(boss, QUEUE, FUTURE, FUTURE_FROM));
  const analyze = await timed(() => db.query('analyze platform.timers; analyze pgboss.job'));

  const insertDueTimers = (round) =>
    db.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       select gen_random_uuid(), $1, 'bench:due:' || $4::int || ':' || g, t, t
       from generate_series(1, $2::int) g,
            lateral (select $3::timestamptz - (g % 3600) * interval '1 second' as t) d`,
      [KIND, DUE, NOW, round],
    );
  await insertDueTimers(0);
  await db.query('analyze platform.timers');
  const planBefore = await explainClaim(db);
  if (!planBefore.includes('timers_due_idx'))
    throw new Error(`claim query does not use timers_due_idx:\n${planBefore}`);
  // The rounds' due timers come one set at a time: this first set goes with round 1.

  const rounds = [];
  let firedSoFar = 0;
  let completedSoFar = 0;

  const tradehubSweep = async (round) => {
    if (round > 1) await insertDueTimers(round);
    await db.query('analyze platform.timers');
    const probe = cpuProbe();
    const sweep = await timed(() => sweeper.fireDue(NOW));
    const cpu = probe();
    firedSoFar += DUE;
    const counts = await statusCounts(db, KIND);
    check(sweep.result === DUE, `round ${round}: fireDue returned ${sweep.result}, expected ${DUE}`);
    check(
      counts.fired === firedSoFar && counts.pending === FUTURE && Object.keys(counts).length === 2,
      `round ${round}: timer counts ${JSON.stringify(counts)}, expected fired ${firedSoFar}, pending ${FUTURE}`,
    );
    return { rate: (DUE / sweep.ms) * 1000, ms: sweep.ms, cpu: cpu.describe() };
  };

  const bossDrain = async (round) => {
    await insertJobs(boss, QUEUE, DUE, null);
    await db.query('analyze pgboss.job');
    let seen = 0;
    let allSeen;
    const handled = new Promise((resolve) => (allSeen = resolve));
    const probe = cpuProbe();
    const drain = await timed(async () => {
      await boss.work(
        QUEUE,
        { batchSize: BOSS_BATCH, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          seen += jobs.length;
          if (seen >= DUE) allSeen();
        },
      );
      await handled;
      // Stopping waits for the batch in hand, so it ends once the last 100 are completed.
      await boss.offWork(QUEUE, { wait: true });
    });
    const cpu = probe();
    completedSoFar += DUE;
    const counts = await jobCounts(db, QUEUE);
    check(seen === DUE, `round ${round}: pg-boss handled ${seen} jobs, expected ${DUE}`);
    check(
      counts.completed === completedSoFar && counts.created === FUTURE && Object.keys(counts).length === 2,
      `round ${round}: pg-boss counts ${JSON.stringify(counts)}, expected completed ${completedSoFar}, created ${FUTURE}`,
    );
    return { rate: (DUE / drain.ms) * 1000, ms: drain.ms, cpu: cpu.describe() };
  };

  // Each side starts polling 2.5 poll intervals before the burst falls due, so the instant falls
  // half-way between two of its polls: pg-boss's lags hold half a poll interval of waiting; tradehub's
  // loop, having seen the burst's instant, wakes at it.
  const lead = 2.5 * POLL_MS;
  const burstInstant = () => new Date(Math.ceil(wallNow() + BURST_WRITE_MS + lead));
  const startPollingFor = async (dueAt, side) => {
    const wait = dueAt.getTime() - lead - wallNow();
    if (wait < 0) problems.push(`${side}: writing the burst took longer than ${BURST_WRITE_MS} ms`);
    await sleep(Math.max(0, wait));
  };

  const tradehubBurst = async (round) => {
    burstRuns = [];
    const dueAt = burstInstant();
    const subject = `bench:burst:${round}:`;
    await db.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       select gen_random_uuid(), $1, $2 || g, $3, $3 from generate_series(1, $4::int) g`,
      [BURST_KIND, subject, dueAt, BURST],
    );
    await db.query('analyze platform.timers');
    await startPollingFor(dueAt, 'tradehub');
    // The worker's own loop (Workers starts it): a sweep every TIMER_POLL_MS at most, and at the
    // next timer's due instant when that comes sooner; fired at the wall clock's instant.
    const loop = new dist.platform.TimerLoop({
      sweeper,
      clock: { now: () => new Date(wallNow()) },
      pollMs: POLL_MS,
      realTime: true,
    });
    loop.start();
    try {
      await until(() => burstRuns.length >= BURST, 120_000, 'the timer burst');
    } finally {
      await loop.stop();
    }
    const counts = await statusCounts(db, BURST_KIND);
    check(
      new Set(burstRuns.map(([id]) => id)).size === BURST && burstRuns.length === BURST,
      `round ${round}: burst handlers ran ${burstRuns.length} times, expected ${BURST} distinct`,
    );
    check(
      counts.fired === BURST * round && Object.keys(counts).length === 1,
      `round ${round}: burst counts ${JSON.stringify(counts)}`,
    );
    return lagStats(burstRuns.map(([, at]) => at - dueAt.getTime()));
  };

  const bossBurst = async (round) => {
    const dueAt = burstInstant();
    await insertJobs(boss, BURST_QUEUE, BURST, dueAt);
    await db.query('analyze pgboss.job');
    const ran = [];
    let allSeen;
    const handled = new Promise((resolve) => (allSeen = resolve));
    await startPollingFor(dueAt, 'pg-boss');
    await boss.work(
      BURST_QUEUE,
      { batchSize: BOSS_BATCH, burstWhenBatchFull: true, pollingIntervalSeconds: POLL_MS / 1000 },
      async (jobs) => {
        const at = wallNow();
        for (let i = 0; i < jobs.length; i++) ran.push(at);
        if (ran.length >= BURST) allSeen();
      },
    );
    await handled;
    await boss.offWork(BURST_QUEUE, { wait: true });
    const counts = await jobCounts(db, BURST_QUEUE);
    check(ran.length === BURST, `round ${round}: pg-boss burst handled ${ran.length}, expected ${BURST}`);
    check(
      counts.completed === BURST * round && Object.keys(counts).length === 1,
      `round ${round}: pg-boss burst counts ${JSON.stringify(counts)}`,
    );
    return lagStats(ran.map((at) => at - dueAt.getTime()));
  };

  for (let round = 1; round <= ROUNDS; round++) {
    const tradehubFirst = round % 2 === 1;
    const result = { round };
    for (const side of tradehubFirst ? ['tradehub', 'pg-boss'] : ['pg-boss', 'tradehub']) {
      if (side === 'tradehub') result.tradehub = await tradehubSweep(round);
      else result.boss = await bossDrain(round);
    }
    for (const side of tradehubFirst ? ['tradehub', 'pg-boss'] : ['pg-boss', 'tradehub']) {
      if (side === 'tradehub') result.tradehubBurst = await tradehubBurst(round);
      else result.bossBurst = await bossBurst(round);
    }
    rounds.push(result);
    console.error(
      `round ${round}: tradehub ${fmt(result.tradehub.rate, 0)}/s, pg-boss ${fmt(result.boss.rate, 0)}/s; ` +
        `burst p99 tradehub ${fmt(result.tradehubBurst.p99, 0)} ms, pg-boss ${fmt(result.bossBurst.p99, 0)} ms`,
    );
  }
  const planAfter = await explainClaim(db);

  const { rows: size } = await db.query(
    `select pg_size_pretty(pg_total_relation_size('platform.timers')) as total,
            pg_size_pretty(pg_relation_size('platform.timers_due_idx')) as due_idx`,
  );
  console.log(`\nmachine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(`timers table after the run: ${size[0].total} (timers_due_idx ${size[0].due_idx})`);
  console.log(
    `\nsetup: ${FUTURE} future timers in ${fmt(future.ms, 0)} ms (one insert ... select generate_series); ` +
      `${FUTURE} future pg-boss jobs in ${fmt(bossFuture.ms, 0)} ms (boss.insert, ${BOSS_CHUNK} per call); ` +
      `analyze ${fmt(analyze.ms, 0)} ms\n`,
  );
  console.log(
    markdownTable(
      ['round', `tradehub fireDue (timers/s)`, 'pg-boss work (jobs/s)', 'tradehub ÷ pg-boss'],
      rounds.map((r) => [
        String(r.round),
        `${fmt(r.tradehub.rate, 0)} (${fmt(r.tradehub.ms, 0)} ms)`,
        `${fmt(r.boss.rate, 0)} (${fmt(r.boss.ms, 0)} ms)`,
        fmt(r.tradehub.rate / r.boss.rate, 2),
      ]),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['round', `tradehub burst lag p50 / p99 / max (ms)`, `pg-boss burst lag p50 / p99 / max (ms)`],
      rounds.map((r) => [
        String(r.round),
        `${fmt(r.tradehubBurst.p50, 0)} / ${fmt(r.tradehubBurst.p99, 0)} / ${fmt(r.tradehubBurst.max, 0)}`,
        `${fmt(r.bossBurst.p50, 0)} / ${fmt(r.bossBurst.p99, 0)} / ${fmt(r.bossBurst.max, 0)}`,
      ]),
    ),
  );
  recordResult(
    'timers fired per second, tradehub ÷ pg-boss (batch 100)',
    rounds.map((r) => r.tradehub.rate / r.boss.rate),
    { atLeast: 1 },
  );
  recordResult(
    'timer burst of 10,000: lag p99',
    rounds.map((r) => r.tradehubBurst.p99),
    { atMost: 1000, unit: 'ms' },
  );
  console.log('');
  console.log(
    markdownTable(
      ['tradehub ÷ pg-boss', 'min / median / max'],
      [
        ['due fired per second (higher is better)', spread(rounds.map((r) => r.tradehub.rate / r.boss.rate))],
        ['burst lag p99 (lower is better)', spread(rounds.map((r) => r.tradehubBurst.p99 / r.bossBurst.p99))],
      ],
    ),
  );
  console.log(
    `\nsettings: ${DUE} due among ${FUTURE} future, tradehub claims ${BATCH}, TIMER_CONCURRENCY default; pg-boss ` +
      `batchSize ${BOSS_BATCH}, burstWhenBatchFull, supervise and schedule off; burst of ${BURST}, both polling every ${POLL_MS} ms (tradehub also waking at the next due instant)`,
  );
  for (const r of rounds)
    console.log(`round ${r.round} during fireDue: ${r.tradehub.cpu}; during pg-boss work: ${r.boss.cpu}`);
  console.log(`\nclaim query before the sweeps (${DUE} due among ${DUE + FUTURE} pending):\n${planBefore}`);
  console.log(`\nclaim query after the sweeps (nothing due):\n${planAfter}`);
  failed = problems.length > 0;
  if (failed) console.error(`\nFAILED:\n${problems.join('\n')}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await boss?.stop({ graceful: false }).catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db.end().catch(() => undefined);
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);
