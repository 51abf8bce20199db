// Shared plumbing for the benchmarks: load the compiled app, own a throwaway database, report.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
// The compiled output is CommonJS whose libs require each other by relative path, so plain
// require() of two entry files gives the same class objects Nest uses for injection tokens.
const DIST = path.resolve(process.env.TRADEHUB_DIST ?? path.join(here, '..', 'dist'));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The store every benchmark's orders belong to (the seller tokens are granted it). */
export const BENCH_STORE = 'store-bench';
/** The sandbox clock's start: a shipment confirmed at once is inside the ship window. */
export const BENCH_PAID_AT = '2026-11-26T00:00:00.000Z';

/** A paid order as checkout sends it; `i` makes the buyer (and so the tracking number's owner) unique. */
export const paidOrder = (marketplaceOrderId, i) => ({
  channel: 'marketplace',
  marketplaceOrderId,
  sellerId: 'seller-bench',
  mainAccountId: 'acct-bench',
  storeId: BENCH_STORE,
  buyerId: `buyer-${i}`,
  lines: [{ sku: 'SKU-1', title: 'Phone case', quantity: 1, unitPrice: { minor: '1250', currency: 'USD' } }],
  shippingFee: { minor: '300', currency: 'USD' },
  shippingAddress: {
    name: 'Ana García',
    line1: 'Calle Mayor 1',
    city: 'Madrid',
    postalCode: '28013',
    country: 'ES',
  },
  paymentMethod: 'CARD',
  paymentCountry: 'ES',
  paidAt: BENCH_PAID_AT,
});

export function intEnv(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** The compiled app; a clear message when `npx nest build` has not been run. */
export function loadDist() {
  const entry = path.join(DIST, 'apps/tradehub/src/bootstrap/create-app.js');
  if (!existsSync(entry)) throw new Error(`${entry} not found: run \`npx nest build\` first`);
  const require = createRequire(import.meta.url);
  require('reflect-metadata');
  return {
    root: DIST,
    createApp: require(entry).createApp,
    platform: require(path.join(DIST, 'libs/platform/src/index.js')),
  };
}

/** Benchmarks only ever talk to a local server: refuse anything else rather than load it. */
function adminUrl() {
  const url = new URL(ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1, got ${url.hostname}`);
  return url;
}

export async function withAdmin(work) {
  const client = new pg.Client({ connectionString: adminUrl().toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per run, so numbers never depend on what earlier runs left behind. */
export async function createDatabase(prefix) {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = adminUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Boots the real application with migrations; events stay in-process (no KAFKA_BROKERS). */
export async function bootApp(dist, databaseUrl, env = {}) {
  // Benchmarks sign their requests with dev tokens, also when they turn the sandbox off.
  const appEnv = {
    NODE_ENV: 'test',
    SANDBOX: 'true',
    AUTH_DEV_TOKENS: 'true',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'text',
    ...env,
  };
  const config = dist.platform.loadConfig(appEnv);
  const startTime = new Date('2026-11-26T00:00:00.000Z');
  // `env` is for builds whose contexts read their own settings; older builds ignore it.
  return dist.createApp({ config, env: appEnv, databaseUrl, startTime, migrate: true });
}

export async function machine(client) {
  const { rows } = await client.query(
    `select version() as v, current_setting('synchronous_commit') as sc, current_setting('shared_buffers') as sb`,
  );
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    postgres: rows[0].v,
    settings: `synchronous_commit=${rows[0].sc}, shared_buffers=${rows[0].sb}`,
  };
}

/** Where the time went during a phase: the app's event loop, this process, the whole machine. */
export function cpuProbe() {
  const cpuTimes = () =>
    os.cpus().reduce(
      (t, c) => {
        const busy = c.times.user + c.times.nice + c.times.sys + c.times.irq;
        return { busy: t.busy + busy, all: t.all + busy + c.times.idle };
      },
      { busy: 0, all: 0 },
    );
  const elu = performance.eventLoopUtilization();
  const usage = process.cpuUsage();
  const machine0 = cpuTimes();
  const t0 = performance.now();
  return () => {
    const machine1 = cpuTimes();
    const used = process.cpuUsage(usage);
    const appLoop = performance.eventLoopUtilization(elu).utilization;
    const nodeCores = (used.user + used.system) / 1000 / (performance.now() - t0);
    const machineBusy = (machine1.busy - machine0.busy) / (machine1.all - machine0.all);
    return {
      appLoop,
      nodeCores,
      machineBusy,
      describe: () =>
        `app event loop ${fmt(appLoop * 100, 0)}% busy, node process ${fmt(nodeCores, 2)} cores, ` +
        `machine ${fmt(machineBusy * 100, 0)}% of ${os.availableParallelism()} cores busy`,
    };
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Per-round values as `min / median / max`. */
export const spread = (xs, digits = 2) =>
  `${fmt(Math.min(...xs), digits)} / ${fmt(median(xs), digits)} / ${fmt(Math.max(...xs), digits)}`;

/**
 * Hands one figure of this run to `npm run bench`'s summary (run-all.mjs sets BENCH_RESULTS_FILE):
 * its per-round values and the goal it is held to (`atLeast` or `atMost`, on the median).
 */
export function recordResult(name, perRound, { atLeast, atMost, unit = '×' } = {}) {
  const file = process.env.BENCH_RESULTS_FILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ name, perRound, atLeast, atMost, unit })}\n`);
}

/** Runs the closed-loop HTTP load generator (http-load.mjs) in a worker thread; resolves with its result. */
export function httpLoad(params) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load.mjs', import.meta.url), { workerData: params });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load generator exited (${code}) without a result`)));
  });
}

/** Throughput and latency percentiles of one load phase. */
export function loadStats(result) {
  const sorted = Array.from(result.latencies).sort((a, b) => a - b);
  return {
    opsPerSecond: (result.completed / result.elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** The two callers every benchmark uses: checkout (a service, every store) and a seller of BENCH_STORE. */
export async function benchTokens(tokens) {
  return {
    service: await tokens.mint({ id: 'bench-checkout', kind: 'service', stores: '*', scopes: [] }),
    seller: await tokens.mint({
      id: 'bench-seller',
      kind: 'seller_staff',
      stores: [BENCH_STORE],
      scopes: [],
    }),
  };
}
