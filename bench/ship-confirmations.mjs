// Confirm-shipment throughput over HTTP (FUL-1) against the real app and a fresh PostgreSQL
// database, next to the bare-pg floor of its own statements (each request's messages replayed by
// bare pg clients on a copy of the database as it was before; bench/replay.mjs), for order ingest
// and for confirmations, and PostgreSQL's own single-row insert rate on the same machine.
//
//   npx nest build && node bench/ship-confirmations.mjs
//   BENCH_ORDERS=2000 BENCH_CONCURRENCY=16 node bench/ship-confirmations.mjs
import { randomBytes, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  benchTokens,
  bootApp,
  cpuProbe,
  createDatabase,
  dropDatabase,
  fmt,
  httpLoad,
  intEnv,
  loadDist,
  machine,
  markdownTable,
  paidOrder,
  percentile,
  recordResult,
} from './lib.mjs';
import { captureRequests, messagesPerRequest, replayRequests, snapshotDatabase } from './replay.mjs';

const ORDERS = intEnv('BENCH_ORDERS', 2000);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 16);
// Confirmed before measuring: the first requests pay for JIT and lazily built validators.
const WARMUP = intEnv('BENCH_WARMUP', 100);
// Every phase is bounded in time as well as in count.
const PHASE_MS = intEnv('BENCH_PHASE_TIMEOUT_S', 300) * 1000;

// api,worker (the default, as one process deploys): the relay delivers events in-process and every
// context's reactions run beside the requests. BENCH_ROLES=api: the API process alone (a worker
// process elsewhere would deliver the events), so nothing drains the outbox during the run.
const ROLES = process.env.BENCH_ROLES ?? 'api,worker';
const relaying = ROLES.split(',').includes('worker');

const runTag = randomBytes(4).toString('hex');
const trackingPrefix = String(randomInt(1e6)).padStart(6, '0');
// CAINIAO accepts LP + 14 digits; the index makes each number unique, so none is refused as reused.
const tracking = (i) => `LP${trackingPrefix}${String(i).padStart(8, '0')}`;

const load = (params) => httpLoad({ ...params, concurrency: CONCURRENCY, deadlineMs: PHASE_MS });

function summarize(label, result, expected) {
  const sorted = Array.from(result.latencies).sort((a, b) => a - b);
  if (result.errors || result.completed !== expected)
    console.error(
      `${label}: ${result.errors} errors, ${result.completed}/${expected} done`,
      result.errorSamples,
    );
  return [
    label,
    String(result.completed),
    String(CONCURRENCY),
    fmt((result.completed / result.elapsedMs) * 1000, 0),
    fmt(percentile(sorted, 50)),
    fmt(percentile(sorted, 95)),
    fmt(percentile(sorted, 99)),
    String(result.errors + (expected - result.completed)),
  ];
}

/** Waits (bounded) until the relay has delivered every committed event in-process. */
async function outboxDrained(client) {
  if (!relaying) return NaN;
  const started = performance.now();
  while (performance.now() - started < PHASE_MS) {
    const { rows } = await client.query(
      `select count(*)::int as n from platform.outbox where published_at is null`,
    );
    if (rows[0].n === 0) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('outbox did not drain in time');
}

/** PostgreSQL alone: CONCURRENCY clients, one autocommit single-row insert (one transaction) each time. */
async function insertBaseline(databaseUrl, count) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`create table bench_baseline (
    id bigserial primary key, order_id uuid not null, tracking text not null,
    created_at timestamptz not null default now())`);
  await db.end();
  const inserts = Array.from({ length: count }, (_, i) => [
    {
      text: `insert into bench_baseline (order_id, tracking) values (gen_random_uuid(), $1)`,
      values: [tracking(i)],
    },
  ]);
  return replayRequests(databaseUrl, inserts, CONCURRENCY, PHASE_MS);
}

/**
 * BENCH_COUNT_STATEMENTS=1: counts the messages every pg client of the process sends while the
 * confirmations run, by kind (its first words), so the relay's and the reactions' share shows.
 */
function statementCounter() {
  if (process.env.BENCH_COUNT_STATEMENTS !== '1') return undefined;
  const require = createRequire(import.meta.url);
  const copies = new Set([require('pg'), createRequire(require.resolve('@mikro-orm/postgresql'))('pg')]);
  const counts = new Map();
  let on = false;
  for (const copy of copies) {
    const query = copy.Client.prototype.query;
    copy.Client.prototype.query = function (text, ...rest) {
      const sql = typeof text === 'string' ? text : text?.text;
      if (on && sql) {
        const kind = sql
          .replace(/\/\* deferred \*\/ /g, '')
          .replace(/\s+/g, ' ')
          .slice(0, 60);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      return query.call(this, text, ...rest);
    };
  }
  return {
    start: () => (on = true),
    report(operations) {
      on = false;
      const rows = [...counts].sort((a, b) => b[1] - a[1]);
      const all = rows.reduce((n, [, c]) => n + c, 0);
      console.log(`\nmessages to PostgreSQL per confirmation: ${fmt(all / operations, 1)}`);
      for (const [kind, c] of rows) console.log(`  ${fmt(c / operations, 2).padStart(6)}  ${kind}`);
    },
  };
}

/** BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the app's thread during the measured confirmations. */
async function startProfile() {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', {
    interval: intEnv('BENCH_CPU_PROFILE_INTERVAL_US', 1000),
  });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const dist = loadDist();
const databaseUrl = await createDatabase('bench_ship');
const db = new pg.Client({ connectionString: databaseUrl });
const counter = statementCounter();
const capture = captureRequests(dist);
const snapshots = [];
let app;
let failed = false;

/** Boots the app in BENCH_ROLES (api + worker unless set). */
async function start() {
  app = await bootApp(dist, databaseUrl, { ROLES });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  return { baseUrl, ...(await benchTokens(app.get(dist.platform.TokenService))) };
}

/** Closes the app and copies the database as it is now (a copy needs the database without connections). */
async function stopAndSnapshot(suffix) {
  await app.close();
  app = undefined;
  const url = await snapshotDatabase(databaseUrl, suffix);
  snapshots.push(url);
  return url;
}

/** The bare-pg replay of a phase's requests on a snapshot, and its row and ratio. */
async function floorOf(label, snapshotUrl, requests, appRow, name) {
  const replay = await replayRequests(snapshotUrl, requests, CONCURRENCY, PHASE_MS);
  const row = summarize(
    `${label}: bare pg replaying its ${fmt(messagesPerRequest(requests), 1)} messages`,
    replay,
    requests.length,
  );
  if (replay.errors) failed = true;
  const ratio = Number(appRow[3]) / Number(row[3]);
  recordResult(name, [ratio], { atLeast: 0.7 });
  return { row, ratio };
}

try {
  // The database as migrated, before any order: the floor of order ingest replays on its copy.
  app = await bootApp(dist, databaseUrl);
  const beforeOrders = await stopAndSnapshot('s0');

  let { baseUrl, service, seller } = await start();
  await db.connect();
  const info = await machine(db);

  const total = ORDERS + WARMUP;
  const placeRequests = Array.from({ length: total }, (_, i) => ({
    path: '/v1/orders',
    body: paidOrder(`BENCH-${runTag}-${i}`, i),
  }));
  const placeWarm = await load({
    baseUrl,
    token: service,
    requests: placeRequests.slice(0, WARMUP),
    expectStatus: 201,
  });
  capture.start();
  const placed = await load({
    baseUrl,
    token: service,
    requests: placeRequests.slice(WARMUP),
    expectStatus: 201,
  });
  const ingests = capture.stop();
  const placeRow = summarize('place order', placed, ORDERS);
  if (placeWarm.errors || placed.errors || placed.completed !== ORDERS) throw new Error('seeding failed');
  const orderIds = [...placeWarm.ids, ...placed.ids];
  // Start the measurement from a quiet system: the seeding's events are all delivered.
  await outboxDrained(db);
  await db.end();
  // The orders placed and not yet shipped: the floor of confirmations replays on its copy.
  const beforeShipments = await stopAndSnapshot('s1');
  ({ baseUrl, service, seller } = await start());
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();

  const ship = orderIds.map((id, i) => ({
    path: `/v1/orders/${id}/shipments`,
    body: { carrierCode: 'CAINIAO', trackingNumber: tracking(i) },
  }));
  const warm = await load({ baseUrl, token: seller, requests: ship.slice(0, WARMUP), expectStatus: 201 });
  if (warm.errors) throw new Error(`warm-up failed: ${warm.errorSamples.join('; ')}`);
  await outboxDrained(check);
  const profiler = await startProfile();
  counter?.start();
  capture.start();
  const probe = cpuProbe();
  const shipped = await load({ baseUrl, token: seller, requests: ship.slice(WARMUP), expectStatus: 201 });
  const cpu = probe();
  const confirmations = capture.stop();
  counter?.report(ORDERS);
  await profiler?.stop();
  const shipRow = summarize('confirm shipment', shipped, ORDERS);
  const drainMs = await outboxDrained(check);
  // Errors = 0 is not enough: every order must really have left with one package.
  const { rows } = await check.query(`select
      (select count(*)::int from fulfillment.packages) as packages,
      (select count(*)::int from orders.orders where status = 'WAIT_BUYER_ACCEPT_GOODS') as shipped`);
  await check.end();
  failed = shipRow[7] !== '0' || rows[0].packages !== total || rows[0].shipped !== total;
  if (failed) console.error(`expected ${total} packages and shipped orders, got`, rows[0]);

  await app.close();
  app = undefined;
  // One request per captured list, or the replay would not be the same work.
  if (ingests.length !== ORDERS || confirmations.length !== ORDERS) {
    failed = true;
    console.error(
      `captured ${ingests.length} ingests and ${confirmations.length} confirmations, expected ${ORDERS} each`,
    );
  }
  const ingestFloor = await floorOf(
    'place order',
    beforeOrders,
    ingests,
    placeRow,
    'order ingest ÷ bare-pg replay of its statements',
  );
  const shipFloor = await floorOf(
    'confirm shipment',
    beforeShipments,
    confirmations,
    shipRow,
    'confirm shipment ÷ bare-pg replay of its statements',
  );
  const baseline = await insertBaseline(databaseUrl, ORDERS);
  if (baseline.errors) failed = true;
  const baseRow = summarize('PostgreSQL single-row insert (baseline)', baseline, ORDERS);

  console.log(`\nmachine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(
    relaying
      ? `events: in-process; outbox drained ${fmt(drainMs, 0)} ms after the last confirmation`
      : `roles ${ROLES}: no relay in this process, events left in the outbox`,
  );
  console.log(`during confirmations: ${cpu.describe()} (node includes the load generator thread)\n`);
  console.log(
    markdownTable(
      ['operation', 'requests', 'concurrency', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
      [placeRow, ingestFloor.row, shipRow, shipFloor.row, baseRow],
    ),
  );
  console.log(
    `\napp ÷ bare-pg replay of its own messages: order ingest ${fmt(ingestFloor.ratio, 2)}, ` +
      `confirm shipment ${fmt(shipFloor.ratio, 2)} (issue 9: at least 0.7)`,
  );
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await app?.close().catch(() => undefined);
  await db.end().catch(() => undefined);
  for (const url of snapshots) await dropDatabase(url);
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);
