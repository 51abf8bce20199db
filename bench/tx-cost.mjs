// Node CPU per transaction shape, one after another in one process: what the unit of work, the
// ORM and the save path cost next to a bare pg client sending the same statements.
//
//   npx nest build && node bench/tx-cost.mjs
//   N=5000 ONLY=locked node bench/tx-cost.mjs   # one shape, e.g. under --cpu-prof
import { createRequire } from 'node:module';
import pg from 'pg';
import { bootApp, createDatabase, dropDatabase, intEnv, loadDist } from './lib.mjs';

const N = intEnv('N', 2000);
const only = process.env.ONLY;
const require = createRequire(import.meta.url);
const dist = loadDist();
const { FulfillmentModule } = require(`${dist.root}/libs/fulfillment/src/index.js`);
const { PackageRepository } = require(`${dist.root}/libs/fulfillment/src/database/package.repository.js`);

const databaseUrl = await createDatabase('bench_tx');
const app = await bootApp(dist, databaseUrl, {
  ROLES: 'api',
  OUTBOX_POLL_MS: '600000',
  TIMER_POLL_MS: '600000',
});
const platform = app.get(dist.platform.PlatformDatabase);
const fulfillment = app.select(FulfillmentModule).get(dist.platform.UnitOfWork, { strict: true });
const packages = new PackageRepository();
const raw = new pg.Client({ connectionString: databaseUrl });
await raw.connect();

async function measure(label, work) {
  if (only && !label.includes(only)) return;
  for (let i = 0; i < 200; i++) await work();
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await work();
  const cpu = process.cpuUsage(cpu0);
  const wall = Number(process.hrtime.bigint() - started) / 1e6 / N;
  const us = (n) => (n / N).toFixed(0).padStart(5);
  console.log(
    `| ${label} | ${us(cpu.user + cpu.system)} | ${us(cpu.user)} | ${us(cpu.system)} | ${wall.toFixed(3)} |`,
  );
}

const id = '01a219f4-0000-7000-8000-000000000001';
await raw.query(
  `insert into fulfillment.packages (id, order_id, store_id, buyer_id, carrier_code, tracking_number, lines,
     status, shipped_at, no_first_scan, updated_at, version, confirmation, completes_order)
   values ($1, $1, 's', 'b', 'CAINIAO', 'LP1', '[]', 'SHIPPED', now(), false, now(), 1, 'CONFIRMED', false)`,
  [id],
);
let tick = 0;
const nextInstant = () => new Date(Date.UTC(2026, 0, 1) + ++tick * 1000);

console.log(`${N} each, sequential\n`);
console.log('| shape | node CPU µs | user | system | wall ms |');
console.log('| --- | --- | --- | --- | --- |');
await measure('bare pg: `select 1`', () => raw.query('select 1'));
await measure('bare pg: begin, `select 1`, commit (3 messages)', async () => {
  await raw.query('begin');
  await raw.query('select 1');
  await raw.query('commit');
});
await measure('reader: `select 1`', () => platform.reader().query('select 1'));
await measure('transaction: `select 1` (2 messages)', () => platform.run((tx) => tx.query('select 1')));
await measure('transaction: an audit record only', () =>
  platform.run(async (tx) =>
    tx.audit({ action: 'x', subjectType: 'y', subjectId: 'z', changes: { a: { from: 1, to: 2 } } }),
  ),
);
await measure('transaction: the package row as SQL, locked', () =>
  fulfillment.run((tx) => tx.query('select * from fulfillment.packages where id = ? for update', [id])),
);
await measure('transaction: load a package', () => fulfillment.run((tx) => packages.findById(tx, id)));
await measure('transaction: load a package locked', () =>
  fulfillment.run((tx) => packages.findById(tx, id, true)),
);
await measure('transaction: load a package locked, change one field, save', () =>
  fulfillment.run(async (tx) => {
    const pkg = await packages.findById(tx, id, true);
    pkg.updatedAt = nextInstant();
  }),
);
await measure('bare pg: begin, select for update, update, commit', async () => {
  await raw.query('begin');
  await raw.query('select * from fulfillment.packages where id = $1 for update', [id]);
  await raw.query('update fulfillment.packages set updated_at = $2, version = version + 1 where id = $1', [
    id,
    nextInstant(),
  ]);
  await raw.query('commit');
});

await app.close();
await raw.end();
await dropDatabase(databaseUrl);
