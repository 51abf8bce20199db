// Memory of the app as production runs it (its own process, `node dist/apps/tradehub/src/main.js`)
// while it takes orders and their shipment confirmations over HTTP, chunk after chunk: the
// resident set (from /proc) and the V8 heap in use (from its /metrics) after each chunk.
//
//   npx nest build && node bench/memory.mjs
//   BENCH_CONFIRMATIONS=400 BENCH_CHUNK=200 node bench/memory.mjs   # the small run CI makes
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  BENCH_PAID_AT,
  benchTokens,
  createDatabase,
  dropDatabase,
  fmt,
  httpLoad,
  intEnv,
  loadDist,
  markdownTable,
  paidOrder,
  recordResult,
} from './lib.mjs';

const TOTAL = intEnv('BENCH_CONFIRMATIONS', 100_000);
const CHUNK = intEnv('BENCH_CHUNK', 10_000);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 16);
const PHASE_MS = intEnv('BENCH_PHASE_TIMEOUT_S', 600) * 1000;
const SECRET = 'bench-memory-secret-at-least-thirty-two-bytes';
const dist = loadDist();
const main = path.join(dist.root, 'apps/tradehub/src/main.js');
const cli = path.join(dist.root, 'apps/tradehub/src/cli.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The app's environment and node options as deployed (package.json "start:prod", which the
// Dockerfile repeats); BENCH_APP_NODE_OPTIONS tries other node options.
const deployed = startProd();
const APP_NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS ?? deployed.options;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const megabytes = (bytes) => bytes / 1024 / 1024;

/** The child's resident set and its peak, from the kernel. */
function residentSet(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The V8 heap in use (live and not yet collected), the heap V8 holds, and memory outside it (Buffers). */
async function heap(baseUrl) {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const metric = (name) => megabytes(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN));
  return [
    metric('nodejs_heap_size_used_bytes'),
    metric('nodejs_heap_size_total_bytes'),
    metric('nodejs_external_memory_bytes'),
  ].map((mb) => fmt(mb, 0));
}

/** Where the resident set is, by mapping (anonymous memory, the node binary, libraries), largest first. */
function residentByMapping(pid) {
  const byName = new Map();
  let name = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) name = mapping[1] ? path.basename(mapping[1]) : '[anonymous]';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) byName.set(name, (byName.get(name) ?? 0) + Number(rss[1]) / 1024);
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5);
}

async function ready(baseUrl, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app was not ready within 60 s');
}

const databaseUrl = await createDatabase('bench_memory');
const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  SANDBOX: 'true',
  DEMO_DATA: 'false',
  AUTH_JWT_SECRET: SECRET,
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'text',
  HOST: '127.0.0.1',
};
let child;
let failed = false;
const output = [];
try {
  const migrated = spawnSync(process.execPath, [cli, 'migrate'], { cwd: root, env, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // The simulated clock at the orders' payment: every confirmation is inside its ship window.
  await db.query(`insert into platform.sandbox_clock (id, now) values (1, $1)`, [BENCH_PAID_AT]);
  await db.end();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [...APP_NODE_OPTIONS.split(' ').filter(Boolean), main], {
    cwd: root,
    env: { ...env, ...deployed.env, PORT: String(port) },
  });
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) => output.push(chunk.toString()) > 50 && output.shift());
  await ready(baseUrl, child);

  const tokens = new dist.platform.TokenService(dist.platform.loadConfig({ AUTH_JWT_SECRET: SECRET }));
  const { service, seller } = await benchTokens(tokens);
  const run = (token, requests) =>
    httpLoad({ baseUrl, token, requests, expectStatus: 201, concurrency: CONCURRENCY, deadlineMs: PHASE_MS });

  const rows = [['after boot', '0', fmt(residentSet(child.pid).rss, 0), ...(await heap(baseUrl))]];
  for (let done = 0; done < TOTAL; done += CHUNK) {
    const n = Math.min(CHUNK, TOTAL - done);
    const placed = await run(
      service,
      Array.from({ length: n }, (_, i) => ({
        path: '/v1/orders',
        body: paidOrder(`MEM-${done + i}`, done + i),
      })),
    );
    const shipped = await run(
      seller,
      placed.ids.map((id, i) => ({
        path: `/v1/orders/${id}/shipments`,
        body: { carrierCode: 'CAINIAO', trackingNumber: `LP${String(done + i).padStart(14, '0')}` },
      })),
    );
    for (const [what, result] of [
      ['orders', placed],
      ['confirmations', shipped],
    ])
      if (result.errors || result.completed !== n)
        throw new Error(`${what}: ${result.errors} errors: ${result.errorSamples.join('; ')}`);
    const { rss } = residentSet(child.pid);
    rows.push([`after ${done + n} confirmations`, String(done + n), fmt(rss, 0), ...(await heap(baseUrl))]);
    console.error(rows.at(-1).join('  '));
  }
  const { peak } = residentSet(child.pid);
  recordResult(`app RSS after ${TOTAL} confirmations`, [residentSet(child.pid).rss], {
    atMost: 300,
    unit: 'MB',
  });
  const mappings = residentByMapping(child.pid);
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  const { rows: counted } = await check.query(`select count(*)::int as n from fulfillment.packages`);
  await check.end();
  if (counted[0].n !== TOTAL) throw new Error(`expected ${TOTAL} packages, found ${counted[0].n}`);

  console.log(`${TOTAL} orders placed and confirmed in chunks of ${CHUNK}, ${CONCURRENCY} concurrent\n`);
  const assignments = Object.entries(deployed.env).map(([k, v]) => `${k}=${v} `);
  console.log(`app process: ${assignments.join('')}node ${APP_NODE_OPTIONS || '(no options)'}\n`);
  console.log(
    markdownTable(
      ['when', 'confirmations', 'RSS MB', 'V8 heap used MB', 'V8 heap held MB', 'external MB'],
      rows,
    ),
  );
  console.log(`\npeak RSS: ${fmt(peak, 0)} MB`);
  console.log(
    `resident at the end, by mapping: ${mappings.map(([n, mb]) => `${n} ${fmt(mb, 0)} MB`).join(', ')}`,
  );
} catch (error) {
  failed = true;
  console.error(error, output.join(''));
} finally {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);

/** `start:prod` of package.json split into its environment assignments and node's options. */
function startProd() {
  const script = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['start:prod'];
  const words = script.trim().split(/\s+/);
  const env = {};
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, value] = words.shift().split('=');
    env[name] = value;
  }
  if (words.shift() !== 'node') throw new Error(`start:prod does not run node: ${script}`);
  return { env, options: words.filter((w) => w.startsWith('--')).join(' ') };
}
