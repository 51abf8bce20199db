// ANA-1's trade-analysis panel: (1) the roll-up ingest rate, real integration events delivered to
// Compliance's consumers through the inbox path, checked against what was sent and redelivered
// unchanged; (2) the 12-metric 90-day panel over HTTP for one store with BENCH_BIG_STORE_ORDERS
// orders and across BENCH_STORES stores, the facts bulk-loaded as a restore would and the roll-ups
// made by the app's own rebuild; (3) the panel's Excel export.
//
//   npx nest build && node bench/trade-analysis.mjs
//   BENCH_BIG_STORE_ORDERS=20000 BENCH_STORES=5 BENCH_ORDERS_PER_STORE=2000 BENCH_EVENTS=2000 BENCH_READS=20 \
//     node bench/trade-analysis.mjs                                     # the small run CI makes
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
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
  percentile,
  recordResult,
} from './lib.mjs';

const BIG = intEnv('BENCH_BIG_STORE_ORDERS', 1_000_000);
const STORES = intEnv('BENCH_STORES', 50);
const PER_STORE = intEnv('BENCH_ORDERS_PER_STORE', 20_000);
const EVENTS = intEnv('BENCH_EVENTS', 20_000);
const READS = intEnv('BENCH_READS', 200);
const EXPORTS = intEnv('BENCH_EXPORTS', 20);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 8);
const INGEST_STORES = intEnv('BENCH_INGEST_STORES', 100);
const REDELIVER = intEnv('BENCH_REDELIVER', Math.ceil(EVENTS / 10));
const PHASE_MS = intEnv('BENCH_PHASE_TIMEOUT_S', 600) * 1000;
const WARMUP = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The sandbox clock stands at NOW for the whole run, so the 90-day window (FROM..today) never moves.
const NOW = new Date('2026-11-26T12:00:00.000Z');
const FROM = new Date('2026-08-29T00:00:00.000Z');
const SHIP_BY_HOURS = 48;
const SLOW_HOURS = 72; // CMP_SLOW_FULFILLMENT_HOURS' default
const BIG_STORE = 'ana-big';
const scaleStores = [
  BIG_STORE,
  ...Array.from({ length: STORES - 1 }, (_, i) => `ana-${String(i + 1).padStart(3, '0')}`),
];

const dist = loadDist();
// The roll-up's columns as the app defines them: a column added there is checked here too.
const { STORE_DAY_COLUMNS: COLUMNS } = createRequire(import.meta.url)(
  path.join(dist.root, 'libs/compliance/src/standing/database/fact-columns.js'),
);
const databaseUrl = await createDatabase('bench_ana');
let app;
let pool;
let failed = false;
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
  return ok;
};
try {
  // Timers only fire when the bench says so: the refreshes are timed on their own, never mid-phase.
  app = await bootApp(dist, databaseUrl, { SANDBOX: 'true', TIMER_POLL_MS: '3600000' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const tokens = app.get(dist.platform.TokenService);
  const operator = await tokens.mint({ id: 'bench-operator', kind: 'operator', stores: '*', scopes: [] });
  const call = caller(appUrl);
  const json = (r) => JSON.parse(r.bytes.toString('utf8'));
  const moved = await call('POST', '/v1/sandbox/clock/advance', operator, { to: NOW.toISOString() });
  if (moved.status !== 200) throw new Error(`clock: ${moved.status} ${moved.bytes}`);
  pool = new pg.Pool({ connectionString: databaseUrl, max: 4, statement_timeout: PHASE_MS });
  const info = await machine(pool);
  const sweeper = app.get(dist.platform.TimerSweeper);
  const refresh = () => timed(() => bounded(sweeper.fireDue(NOW), 'standing refresh'));

  // 1. Ingest through the inbox path, as the Kafka consumer runner delivers.
  const dispatcher = app.get(dist.platform.EventDispatcher);
  const topics = app.get(dist.platform.Topics);
  const { events, expected, mix } = ingestEvents(EVENTS, topics);
  const deliver = (list) =>
    timed(() =>
      inFlight(list, CONCURRENCY, (e) => dispatcher.dispatch(e, 'compliance'), performance.now() + PHASE_MS),
    );
  const ingestCpu = cpuProbe();
  const first = await deliver(events);
  const ingestLoad = ingestCpu().describe();
  const ingestRefresh = await refresh();
  const differences = compareRollups(await rollupRows(pool, 'ing-%'), expected);
  check(
    differences.length === 0,
    `roll-ups differ from the events sent: ${differences.slice(0, 5).join('; ')}`,
  );
  const before = await snapshot(pool);
  const sample = events.filter((_, i) => i % Math.max(1, Math.floor(events.length / REDELIVER)) === 0);
  const again = await deliver(sample);
  const unchanged = check(
    (await snapshot(pool)) === before,
    'redelivering the same events changed the facts or roll-ups',
  );
  const ingestDays = await snapshot(pool, "where store_id like 'ing-%'", ['store_days']);

  // 2. The panel at scale: facts restored in bulk, roll-ups rebuilt by the app, rates stored.
  const load = await bulkLoad(pool);
  const rates = await seedRates(call, operator);
  const rebuild = await timed(() => call('POST', '/v1/compliance/trade-analysis/rebuild', operator, {}));
  if (rebuild.result.status !== 200)
    throw new Error(`rebuild: ${rebuild.result.status} ${rebuild.result.bytes}`);
  const rebuilt = json(rebuild.result).stores;
  const ingestStores = new Set(events.map((e) => e.data.storeId)).size;
  check(
    rebuilt === ingestStores + STORES,
    `the rebuild counted ${rebuilt} stores, not ${ingestStores + STORES}`,
  );
  check(
    (await snapshot(pool, "where store_id like 'ing-%'", ['store_days'])) === ingestDays,
    "the rebuild's roll-ups of the ingested stores differ from those the events added up",
  );
  const scaleRefresh = await refresh();
  const want = await expectedPanel(pool);
  const [sizes] = (
    await pool.query(
      `select (select count(*) from compliance.store_days where store_id like 'ana-%')::int as days,
         (select count(*) from compliance.store_day_gmv where store_id like 'ana-%')::int as gmv`,
    )
  ).rows;

  // 3. Reads, one at a time after a warm-up, each answer checked.
  const bigSeller = await tokens.mint({
    id: 'bench-big',
    kind: 'seller_staff',
    stores: [BIG_STORE],
    scopes: [],
  });
  const allSeller = await tokens.mint({
    id: 'bench-all',
    kind: 'seller_staff',
    stores: scaleStores,
    scopes: [],
  });
  const readCpu = cpuProbe();
  const reads = [
    {
      label: `GET /v1/compliance/trade-analysis?storeId=… (one store, ${BIG} orders)`,
      goal: `ANA-1 panel p95, one store with ${BIG} orders`,
      url: `/v1/compliance/trade-analysis?storeId=${BIG_STORE}`,
      token: bigSeller,
      times: READS,
      answer: (r) => panelProblem(json(r), want.big, 1),
    },
    {
      label: `GET /v1/compliance/trade-analysis (${STORES} stores, ${want.all.orders} orders)`,
      goal: `ANA-1 panel p95, ${STORES} stores`,
      url: '/v1/compliance/trade-analysis',
      token: allSeller,
      times: READS,
      answer: (r) => panelProblem(json(r), want.all, STORES),
    },
    {
      label: `GET /v1/compliance/trade-analysis/export?format=xlsx (${STORES} stores)`,
      url: '/v1/compliance/trade-analysis/export?format=xlsx',
      token: allSeller,
      times: EXPORTS,
      answer: (r) =>
        r.type.includes('spreadsheetml') && r.bytes.subarray(0, 2).toString() === 'PK'
          ? null
          : 'not a workbook',
    },
  ];
  const readRows = [];
  for (const read of reads) {
    const ms = [];
    const cpuMs = [];
    const deadline = performance.now() + PHASE_MS;
    let size = 0;
    for (let i = -WARMUP; i < read.times; i++) {
      if (performance.now() > deadline) throw new Error(`${read.label}: not done within the phase timeout`);
      const took = await timed(() => call('GET', read.url, read.token));
      const r = took.result;
      const wrong = r.status === 200 ? read.answer(r) : `${r.status} ${r.bytes.toString().slice(0, 300)}`;
      if (!check(wrong === null, `${read.url}: ${wrong}`)) break;
      if (i >= 0) {
        ms.push(took.ms);
        cpuMs.push(took.cpuMs);
      }
      size = r.bytes.length;
      read.last = r;
    }
    ms.sort((a, b) => a - b);
    cpuMs.sort((a, b) => a - b);
    if (read.goal) recordResult(read.goal, [percentile(ms, 95)], { atMost: 100, unit: 'ms' });
    readRows.push([
      read.label,
      String(ms.length),
      ...[50, 95, 99].map((p) => fmt(percentile(ms, p), 1)),
      fmt(percentile(cpuMs, 50), 1),
      fmt(size / 1024, 0),
    ]);
  }
  const readLoad = readCpu().describe();

  console.log(`machine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(`sandbox clock ${NOW.toISOString()}, window ${FROM.toISOString().slice(0, 10)} .. today\n`);
  console.log(`### Roll-up ingest (${CONCURRENCY} in flight, ${INGEST_STORES} stores)\n`);
  console.log(
    markdownTable(
      ['event type', 'events'],
      Object.entries(mix).map(([t, n]) => [t, String(n)]),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['phase', 'count', 's', 'per second', 'node CPU µs each'],
      [
        ['events, first delivery (facts, roll-ups, directory, refresh timer)', first, events.length],
        ['events redelivered, same ids (a sample; the inbox skips them)', again, sample.length],
        ["stores' standing refreshed afterwards (one timer per store)", ingestRefresh, ingestRefresh.result],
      ].map(([label, t, n]) => [
        label,
        String(n),
        fmt(t.ms / 1000, 2),
        fmt((n / t.ms) * 1000, 0),
        fmt((t.cpuMs * 1000) / n, 0),
      ]),
    ),
  );
  console.log(`\nduring the first delivery: ${ingestLoad}`);
  console.log(
    `store-day roll-ups equal to the events sent: ${differences.length === 0 ? 'yes' : 'NO'}; ` +
      `redelivery changed nothing: ${unchanged ? 'yes' : 'NO'}\n`,
  );
  console.log(`### The panel at scale: ${BIG} orders in one store, ${STORES} stores\n`);
  console.log(
    markdownTable(
      ['step', 'rows', 's'],
      [
        [
          'bulk load compliance.order_facts (one insert … select generate_series)',
          load.orders.result,
          load.orders.ms,
        ],
        ['bulk load compliance.review_facts (one insert … select)', load.reviews.result, load.reviews.ms],
        ['analyze', '', load.analyze.ms],
        [`PUT /v1/settlement/fx-rates (EUR and USD to CNY, each day)`, rates.count, rates.ms],
        [`POST /v1/compliance/trade-analysis/rebuild {} (${rebuilt} stores)`, '', rebuild.ms],
        [
          'standing refresh of every store after the rebuild (timers fired)',
          scaleRefresh.result,
          scaleRefresh.ms,
        ],
      ].map(([step, n, ms]) => [step, String(n), fmt(ms / 1000, 2)]),
    ),
  );
  console.log(
    `\nthe ${STORES} stores' roll-ups: ${sizes.days} store-day rows, ${sizes.gmv} store-day-currency GMV rows; ` +
      `reads one at a time after ${WARMUP} warm-up requests:\n`,
  );
  console.log(
    markdownTable(['read', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'node CPU ms, median', 'KB'], readRows),
  );
  console.log(`\nduring the reads: ${readLoad}`);
  if (reads[0].last) console.log(`\nthe big store's totals: ${JSON.stringify(json(reads[0].last).totals)}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await pool?.end().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await dropDatabase(databaseUrl);
}
for (const p of problems) console.error(`FAILED: ${p}`);
process.exit(failed || problems.length ? 1 : 0);

/**
 * One request at a time on a kept-alive connection. node:http rather than fetch: fetch gives up
 * waiting for headers after 300 s, and a rebuild at full size on a busy machine may take longer.
 */
function caller(baseUrl) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (method, path, token, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = { authorization: `Bearer ${token}` };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const request = http.request(
        `${baseUrl}${path}`,
        { method, agent, headers, timeout: PHASE_MS },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              type: res.headers['content-type'] ?? '',
              bytes: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`${method} ${path}: no answer within the phase timeout`)),
      );
      request.on('error', reject);
      request.end(payload);
    });
}

/** Wall time, and this process's CPU (the app's and the bench's): the second holds up on a busy machine. */
async function timed(work) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function bounded(promise, label) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: not done within the phase timeout`)), PHASE_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `lanes` sequential consumers, each taking the events of its own orders in order (a partition by key). */
async function inFlight(events, lanes, handle, deadline) {
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (const e of events) {
        if (e.lane !== lane) continue;
        if (performance.now() > deadline) throw new Error('delivery not done within the phase timeout');
        await handle(e);
      }
    }),
  );
}

/** A seeded generator, so every run sends the same mix. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About `count` events of orders paid 80 to 25 days before NOW (so all that follows them is in the
 * past): placed; cancelled (2 %, half by the seller); the deadline missed, then shipped late (12 %,
 * a quarter also slow) or never (3 %); shipped; a refund request (3 % of the shipped); a review (35 %).
 * Each in event-time order, and the store-day sums they must add up to.
 */
function ingestEvents(count, topics) {
  const random = mulberry32(42);
  const at = (ms) => new Date(Math.floor(ms / 1000) * 1000);
  const day = (d) => d.toISOString().slice(0, 10);
  const expected = { days: new Map(), gmv: new Map() };
  const add = (store, when, counts) => {
    const key = `${store}|${day(when)}`;
    const row = expected.days.get(key) ?? expected.days.set(key, {}).get(key);
    for (const [c, n] of Object.entries(counts)) row[c] = (row[c] ?? 0) + n;
  };
  const all = [];
  const mix = {};
  const event = (context, type, o, time, data) => {
    mix[type] = (mix[type] ?? 0) + 1;
    all.push({
      id: randomUUID(),
      type,
      topic: topics.forContext(context),
      key: o.orderId,
      source: `tradehub.${context}`,
      subject: o.orderId,
      time,
      schemaVersion: 1,
      data,
      lane: o.lane,
    });
  };
  for (let i = 0; all.length < count; i++) {
    const storeId = `ing-${String(i % INGEST_STORES).padStart(3, '0')}`;
    const o = { orderId: randomUUID(), storeId, lane: i % CONCURRENCY };
    const paid = at(NOW.getTime() - 80 * DAY + random() * 55 * DAY);
    const shipBy = new Date(paid.getTime() + SHIP_BY_HOURS * HOUR);
    const slowAt = new Date(paid.getTime() + SLOW_HOURS * HOUR);
    const currency = random() < 0.8 ? 'USD' : 'EUR';
    const total = { minor: String(500 + Math.floor(random() * 20000)), currency };
    const lineId = randomUUID();
    event('orders', 'tradehub.orders.order-placed', o, paid, {
      orderId: o.orderId,
      storeId,
      marketplaceOrderId: `MP-${i}`,
      sellerId: `seller-${storeId}`,
      mainAccountId: 'acct-ingest',
      buyerId: `buyer-${i}`,
      status: 'AWAITING_SHIPMENT',
      total,
      lines: [{ lineId, sku: 'SKU-1', quantity: 1, unitPrice: total }],
      shippingCountry: 'ES',
      presale: false,
      paidAt: paid.toISOString(),
      shipBy: shipBy.toISOString(),
    });
    add(storeId, paid, { orders: 1 });
    const g = `${storeId}|${day(paid)}|${currency}`;
    const sum = expected.gmv.get(g) ?? { orders: 0, minor: 0n };
    expected.gmv.set(g, { orders: sum.orders + 1, minor: sum.minor + BigInt(total.minor) });
    const fate = random();
    if (fate < 0.02) {
      const sellerInitiated = fate < 0.01;
      const when = at(paid.getTime() + 3 * HOUR);
      event('orders', 'tradehub.orders.order-cancelled', o, when, {
        orderId: o.orderId,
        storeId,
        initiator: sellerInitiated ? 'SELLER' : 'BUYER',
        reason: sellerInitiated ? 'OUT_OF_STOCK' : 'BUYER_CHANGED_MIND',
        note: null,
        sellerInitiated,
      });
      if (sellerInitiated) add(storeId, when, { seller_cancelled: 1 });
      continue;
    }
    const hours =
      fate < 0.85
        ? 2 + random() * 38
        : fate < 0.94
          ? 49 + random() * 22
          : fate < 0.97
            ? 73 + random() * 47
            : null;
    if (hours === null || hours > SHIP_BY_HOURS) {
      event('orders', 'tradehub.orders.ship-deadline-missed', o, shipBy, {
        orderId: o.orderId,
        storeId,
        shipBy: shipBy.toISOString(),
      });
      add(storeId, shipBy, { late: 1 });
    }
    // Never shipped: the store's refresh finds it still unshipped 72 h after payment.
    if (hours === null || hours > SLOW_HOURS) add(storeId, slowAt, { slow: 1 });
    if (hours === null) continue;
    const shipped = at(paid.getTime() + hours * HOUR);
    event('orders', 'tradehub.orders.shipment-recorded', o, shipped, {
      orderId: o.orderId,
      storeId,
      packageId: randomUUID(),
      lines: [{ lineId, quantity: 1 }],
      fullyShipped: true,
    });
    add(storeId, shipped, {
      shipped: 1,
      ship_seconds: Math.floor((shipped - paid) / 1000),
      on_time: shipped <= shipBy ? 1 : 0,
    });
    if (random() < 0.03) {
      const requested = at(shipped.getTime() + 9 * DAY);
      event('disputes', 'tradehub.disputes.refund-requested', o, requested, {
        requestId: randomUUID(),
        orderId: o.orderId,
        storeId,
        marketplaceRequestId: `MR-${i}`,
        buyerId: `buyer-${i}`,
        kind: 'REFUND_ONLY',
        amount: total,
        reason: 'NOT_AS_DESCRIBED',
        evidence: [],
        requestedAt: requested.toISOString(),
        responseDueAt: new Date(requested.getTime() + 5 * DAY).toISOString(),
      });
      add(storeId, requested, { disputed: 1 });
    }
    if (random() < 0.35) {
      const reviewed = at(shipped.getTime() + 10 * DAY);
      const r = random();
      const overall = r < 0.8 ? 5 : r < 0.88 ? 4 : r < 0.93 ? 3 : r < 0.96 ? 2 : 1;
      const dsr = [0, 0, 0].map(() => Math.max(1, Math.min(5, overall + Math.floor(random() * 3) - 1)));
      event('reviews', 'tradehub.reviews.review-received', o, reviewed, {
        reviewId: randomUUID(),
        marketplaceReviewId: `MV-${i}`,
        orderId: o.orderId,
        storeId,
        buyerId: `buyer-${i}`,
        overall,
        dsr: { itemAsDescribed: dsr[0], communication: dsr[1], shippingSpeed: dsr[2] },
        text: 'Arrived as described.',
        reviewedAt: reviewed.toISOString(),
      });
      add(storeId, reviewed, {
        reviews: 1,
        positive: overall >= 4 ? 1 : 0,
        item_as_described_sum: dsr[0],
        communication_sum: dsr[1],
        shipping_speed_sum: dsr[2],
      });
    }
  }
  // A lane keeps its orders' events in time order, as a partition keyed by order id does.
  all.sort((a, b) => a.time - b.time);
  return { events: all, expected, mix };
}

async function rollupRows(db, stores) {
  const days = await db.query(
    `select store_id, day::text as day, ${COLUMNS.join(', ')} from compliance.store_days where store_id like $1`,
    [stores],
  );
  const gmv = await db.query(
    `select store_id, day::text as day, currency, orders, gmv_minor::text as minor
     from compliance.store_day_gmv where store_id like $1`,
    [stores],
  );
  return { days: days.rows, gmv: gmv.rows };
}

/** Every store-day column and GMV row against what the events sent add up to. */
function compareRollups(actual, expected) {
  const out = [];
  const seen = new Set();
  for (const row of actual.days) {
    const key = `${row.store_id}|${row.day}`;
    seen.add(key);
    const want = expected.days.get(key) ?? {};
    for (const c of COLUMNS)
      if (Number(row[c]) !== (want[c] ?? 0)) out.push(`${key} ${c}: ${row[c]}, sent ${want[c] ?? 0}`);
  }
  for (const [key, want] of expected.days)
    if (!seen.has(key) && Object.values(want).some((n) => n !== 0))
      out.push(`${key}: no row, sent ${JSON.stringify(want)}`);
  const gmv = new Map(actual.gmv.map((r) => [`${r.store_id}|${r.day}|${r.currency}`, r]));
  for (const [key, want] of expected.gmv) {
    const got = gmv.get(key);
    if (!got || got.orders !== want.orders || got.minor !== want.minor.toString())
      out.push(
        `gmv ${key}: ${got ? `${got.orders}/${got.minor}` : 'none'}, sent ${want.orders}/${want.minor}`,
      );
  }
  if (gmv.size !== expected.gmv.size) out.push(`gmv rows: ${gmv.size}, sent ${expected.gmv.size}`);
  return out;
}

/** A digest of Compliance's facts and roll-ups: equal digests, equal tables. */
async function snapshot(
  db,
  where = '',
  tables = ['order_facts', 'review_facts', 'store_days', 'store_day_gmv', 'stores'],
) {
  const parts = [];
  for (const table of tables) {
    const { rows } = await db.query(
      `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as d from compliance.${table} t ${where}`,
    );
    parts.push(rows[0].d);
  }
  return parts.join(':');
}

/**
 * The scale stores' facts in one statement per table, as a restore writes them: orders paid evenly
 * over the window (USD 80 %, EUR 20 %); 2 % cancelled (half by the seller); shipped within 40 h
 * (85 %), 49-71 h (late, 9 %), 73-120 h (late and slow, 3 %) or not at all (3 %, late and slow once
 * due); 1.5 % of shipments abnormal, 2.5 % disputed (60 % of them refunded), the rest released after
 * 15 days; 30 % reviewed. Facts not yet due at NOW are left unset, as they would be.
 */
async function bulkLoad(db) {
  const others = STORES - 1;
  const client = await db.connect();
  try {
    await client.query(
      `insert into compliance.stores (store_id, seller_id, main_account_id, first_seen_at)
       select s, 'seller-ana', 'acct-ana', $2 from unnest($1::text[]) s`,
      [scaleStores, FROM],
    );
    await client.query('select setseed(0.42)');
    const params = [BIG, others, PER_STORE, BIG_STORE, FROM, NOW];
    const orders = await timed(
      async () =>
        (
          await client.query(
            `insert into compliance.order_facts (order_id, store_id, currency, total_minor, paid_at, ship_by,
             first_shipped_at, late_at, slow_at, cancelled_at, seller_cancelled_at, abnormal_at, disputed_at,
             refunded_at, released_at, payout_cycle_seconds)
           select gen_random_uuid(), store_id, currency, total_minor, paid_at, ship_by, shipped_at,
             case when shipped_at > ship_by or (shipped_at is null and not cancelled and ship_by <= $6) then ship_by end,
             case when shipped_at > slow_from or (shipped_at is null and not cancelled and slow_from <= $6) then slow_from end,
             case when cancelled then paid_at + interval '3 hours' end,
             case when seller_cancelled then paid_at + interval '3 hours' end,
             case when r_abnormal < 0.015 and shipped_at + interval '5 days' <= $6 then shipped_at + interval '5 days' end,
             disputed_at, refunded_at, released_at,
             case when released_at is not null then (7 * 86400 + r_refund * 3 * 86400)::bigint end
           from (
             select *,
               case when r_refund < 0.6 and disputed_at + interval '4 days' <= $6 then disputed_at + interval '4 days' end as refunded_at,
               case when (disputed_at is null or r_refund >= 0.6) and shipped_at + interval '15 days' <= $6
                 then shipped_at + interval '15 days' end as released_at
             from (
               select *, case when r_dispute < 0.025 and shipped_at + interval '9 days' <= $6
                           then shipped_at + interval '9 days' end as disputed_at
               from (
                 select *, paid_at + interval '${SHIP_BY_HOURS} hours' as ship_by,
                   paid_at + interval '${SLOW_HOURS} hours' as slow_from,
                   case when not cancelled and ship_hours is not null and paid_at + ship_hours * interval '1 hour' <= $6
                     then date_trunc('second', paid_at + ship_hours * interval '1 hour') end as shipped_at
                 from (
                   select store_id, r_refund, r_dispute, r_abnormal,
                     case when r_currency < 0.8 then 'USD' else 'EUR' end as currency,
                     500 + floor(r_total * 20000)::bigint as total_minor,
                     date_trunc('second', $5::timestamptz + pos * ($6::timestamptz - $5::timestamptz)) as paid_at,
                     r_cancel < 0.02 as cancelled, r_cancel < 0.01 as seller_cancelled,
                     case when r_ship < 0.85 then 2 + r_hours * 38 when r_ship < 0.94 then 49 + r_hours * 22
                          when r_ship < 0.97 then 73 + r_hours * 47 end as ship_hours
                   from (
                     select case when g <= $1::int then $4::text
                         else 'ana-' || lpad(((g - $1::int - 1) % greatest($2::int, 1) + 1)::text, 3, '0') end as store_id,
                       case when g <= $1::int then (g - 1)::float8 / $1::int
                         else ((g - $1::int - 1) / greatest($2::int, 1))::float8 / $3::int end as pos,
                       random() as r_currency, random() as r_total, random() as r_cancel, random() as r_ship,
                       random() as r_hours, random() as r_abnormal, random() as r_dispute, random() as r_refund
                     from generate_series(1, $1::int + $2::int * $3::int) g
                   ) drawn
                 ) o
               ) s
             ) d
           ) f`,
            params,
          )
        ).rowCount,
    );
    const reviews = await timed(
      async () =>
        (
          await client.query(
            `insert into compliance.review_facts (review_id, order_id, store_id, reviewed_at, overall,
             item_as_described, communication, shipping_speed)
           select gen_random_uuid(), order_id, store_id, reviewed_at, overall,
             greatest(1, least(5, overall + d1)), greatest(1, least(5, overall + d2)), greatest(1, least(5, overall + d3))
           from (
             select order_id, store_id, first_shipped_at + interval '10 days' as reviewed_at,
               case when r < 0.8 then 5 when r < 0.88 then 4 when r < 0.93 then 3 when r < 0.96 then 2 else 1 end as overall,
               floor(random() * 3)::int - 1 as d1, floor(random() * 3)::int - 1 as d2, floor(random() * 3)::int - 1 as d3
             from (select *, random() as r, random() as pick from compliance.order_facts
                   where store_id = any($1::text[]) and first_shipped_at + interval '10 days' <= $2) f
             where pick < 0.3
           ) s`,
            [scaleStores, NOW],
          )
        ).rowCount,
    );
    const analyze = await timed(() =>
      client.query('analyze compliance.order_facts, compliance.review_facts'),
    );
    return { orders, reviews, analyze };
  } finally {
    client.release();
  }
}

/** Day `d` of the window's treasury rates to CNY: a little movement, so each day's rate matters. */
function eurCny(d) {
  return (7.7 + (d % 17) * 0.0013).toFixed(4);
}
function usdCny(d) {
  return (7.12 + (d % 11) * 0.0009).toFixed(4);
}

/** Treasury rates to CNY for every day of the window, through Settlement's API as an operator records them. */
async function seedRates(call, operator) {
  const t0 = performance.now();
  let count = 0;
  for (let d = 0; FROM.getTime() + d * DAY <= NOW.getTime(); d++) {
    const asOf = new Date(FROM.getTime() + d * DAY).toISOString();
    for (const [from, rate] of [
      ['EUR', eurCny(d)],
      ['USD', usdCny(d)],
    ]) {
      const r = await call('PUT', '/v1/settlement/fx-rates', operator, { from, to: 'CNY', rate, asOf });
      if (r.status !== 200) throw new Error(`fx rate: ${r.status} ${r.bytes}`);
      count += 1;
    }
  }
  return { count, ms: performance.now() - t0 };
}

/** As the kernel's ratio: six places, half up; null without a denominator. */
function rate6(n, d) {
  if (d <= 0) return null;
  const scaled = (BigInt(n) * 2_000_000n + BigInt(d)) / (2n * BigInt(d));
  return `${scaled / 1_000_000n}.${(scaled % 1_000_000n).toString().padStart(6, '0')}`;
}

/**
 * What the panel must show, counted from the facts themselves (not the roll-ups): orders, GMV per
 * currency, four rates, and the big store's GMV in USD at each day's rates (within half a cent per
 * store-day of EUR, the rounding the app does per day).
 */
async function expectedPanel(db) {
  const to = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()) + DAY);
  const of = async (stores) => {
    const args = [stores, FROM, to];
    const [counts] = (
      await db.query(
        `select count(*) filter (where paid_at >= $2 and paid_at < $3)::int as orders,
           count(*) filter (where seller_cancelled_at >= $2 and seller_cancelled_at < $3)::int as seller_cancelled,
           count(*) filter (where disputed_at >= $2 and disputed_at < $3)::int as disputed,
           count(*) filter (where first_shipped_at >= $2 and first_shipped_at < $3 and first_shipped_at <= ship_by)::int as on_time,
           count(*) filter (where late_at >= $2 and late_at < $3)::int as late
         from compliance.order_facts where store_id = any($1::text[])`,
        args,
      )
    ).rows;
    const [reviews] = (
      await db.query(
        `select count(*)::int as n, count(*) filter (where overall >= 4)::int as positive
         from compliance.review_facts where store_id = any($1::text[]) and reviewed_at >= $2 and reviewed_at < $3`,
        args,
      )
    ).rows;
    const gmv = (
      await db.query(
        `select currency, sum(total_minor)::text as minor from compliance.order_facts
         where store_id = any($1::text[]) and paid_at >= $2 and paid_at < $3 group by currency order by currency`,
        args,
      )
    ).rows;
    return {
      stores: stores.length,
      orders: counts.orders,
      gmv,
      cancellationRate: rate6(counts.seller_cancelled, counts.orders),
      disputeRate: rate6(counts.disputed, counts.orders),
      onTimeShipmentRate: rate6(counts.on_time, counts.on_time + counts.late),
      positiveRate: rate6(reviews.positive, reviews.n),
    };
  };
  const big = await of([BIG_STORE]);
  const all = await of(scaleStores);
  const days = (
    await db.query(
      `select currency, (paid_at at time zone 'UTC')::date::text as day, sum(total_minor)::float8 as minor
       from compliance.order_facts where store_id = $1 group by 1, 2`,
      [BIG_STORE],
    )
  ).rows;
  let usd = 0;
  for (const r of days) {
    const d = Math.round((Date.parse(`${r.day}T00:00:00Z`) - FROM.getTime()) / DAY);
    usd += r.currency === 'USD' ? r.minor : (r.minor * Number(eurCny(d))) / Number(usdCny(d));
  }
  big.usd = { value: usd, tolerance: days.length / 2 + 1 };
  return { big, all };
}

/** Null when the panel shows what the facts say; else what differs. */
function panelProblem(body, want, stores) {
  const t = body.totals;
  const diffs = [];
  const same = (what, got, expected) => {
    if (JSON.stringify(got) !== JSON.stringify(expected))
      diffs.push(`${what} ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
  };
  same('stores', body.stores.length, stores);
  same('byStore', body.byStore.length, stores);
  same(
    'window',
    [body.from, body.to, body.series.length],
    [FROM, NOW].map((d) => d.toISOString().slice(0, 10)).concat(90),
  );
  same('orders', t.orders, want.orders);
  same('gmv', t.gmv, want.gmv);
  for (const k of ['cancellationRate', 'disputeRate', 'onTimeShipmentRate', 'positiveRate'])
    same(k, t[k], want[k]);
  same(
    'orders by store',
    body.byStore.reduce((n, s) => n + s.totals.orders, 0),
    want.orders,
  );
  if (want.usd && !(Math.abs(Number(t.gmvUsdMinor) - want.usd.value) <= want.usd.tolerance))
    diffs.push(`gmvUsdMinor ${t.gmvUsdMinor}, expected ${fmt(want.usd.value, 0)} ± ${want.usd.tolerance}`);
  if (t.gmvUsdMinor === null) diffs.push('gmvUsdMinor null');
  return diffs.length ? diffs.join('; ') : null;
}
