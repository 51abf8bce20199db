// The app the browser tests drive: the built tradehub (`npm run build`: dist/apps and
// dist/console) as its own process, on a fresh database of the test server, with the real Kafka
// broker, the sandbox clock and the demo seller (demo-admin / demo-admin-password). Playwright
// starts it (playwright.config.ts webServer) and stops it with SIGTERM; the database goes with it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const admin = process.env.TEST_DATABASE_URL;
const port = process.env.BROWSER_APP_PORT;
if (!admin || !process.env.KAFKA_BROKERS || !port)
  throw new Error('run the browser tests with `npm test -- browser` (it provides PostgreSQL and Kafka)');

const name = `th_browser_${randomBytes(4).toString('hex')}`;
const url = new URL(admin);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

async function onAdmin(sql) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await onAdmin(`create database ${name}`);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  SANDBOX: 'true',
  DEMO_DATA: 'true',
  PORT: port,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  KAFKA_TOPIC_NAMESPACE: name,
  KAFKA_CONSUMER_GROUP: `${name}-consumers`,
  // 'log': main.ts prints its URLs (playwright.config.ts waits for them) once the demo is seeded.
  LOG_LEVEL: 'log',
  LOG_FORMAT: 'text',
};
const main = path.join(root, 'dist/apps/tradehub/src');
const migrated = spawnSync(process.execPath, [path.join(main, 'cli.js'), 'migrate'], {
  env,
  stdio: 'inherit',
});
if (migrated.status !== 0) {
  await onAdmin(`drop database if exists ${name} with (force)`);
  process.exit(1);
}
// kafkajs 2.2.4 schedules a negative timeout on Node >= 24 (harmless; upstream issue 1751).
const app = spawn(
  process.execPath,
  ['--disable-warning=TimeoutNegativeWarning', path.join(main, 'main.js')],
  {
    env,
    stdio: 'inherit',
  },
);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
  }
  await onAdmin(`drop database if exists ${name} with (force)`).catch((e) => console.error(String(e)));
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
app.on('exit', (code) => void stop(stopping ? 0 : (code ?? 1)));
