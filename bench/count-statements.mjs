// Counts the SQL statements (round trips to PostgreSQL) one command costs, by watching every pg
// client of the process: one shipment confirmation and one order ingest, events in-process.
//
//   npx nest build && node bench/count-statements.mjs
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { bootApp, createDatabase, dropDatabase, loadDist, paidOrder } from './lib.mjs';

const require = createRequire(import.meta.url);
// Every copy of pg the process loads (MikroORM's driver may carry its own).
const pgCopies = [require('pg'), createRequire(require.resolve('@mikro-orm/postgresql'))('pg')];

const runTag = randomBytes(4).toString('hex');
const dist = loadDist();
const databaseUrl = await createDatabase('bench_count');
const app = await bootApp(dist, databaseUrl, { OUTBOX_POLL_MS: '600000', TIMER_POLL_MS: '600000' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const tokens = app.get(dist.platform.TokenService);
const service = await tokens.mint({ id: 'bench', kind: 'service', stores: '*', scopes: [] });
const seller = await tokens.mint({
  id: 'bench-seller',
  kind: 'seller_staff',
  stores: ['store-bench'],
  scopes: [],
});

const seen = [];
let counting = false;
for (const pg of new Set(pgCopies)) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (text, ...rest) {
    const sql = typeof text === 'string' ? text : text?.text;
    if (counting && sql && !/^\s*listen /i.test(sql)) {
      const s = sql.replace(/\s+/g, ' ');
      const w = Number(process.env.COUNT_WIDTH ?? 140);
      seen.push(s.length > w ? `${s.slice(0, w / 2)} … ${s.slice(-w / 2)}` : s);
    }
    return query.call(this, text, ...rest);
  };
}
const post = (path, body, token) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
const order = (i) => paidOrder(`COUNT-${runTag}-${i}`, i);
async function measure(label, work) {
  seen.length = 0;
  counting = true;
  const result = await work();
  counting = false;
  console.log(`\n${label}: ${seen.length} statements (status ${result.status})`);
  for (const sql of seen) console.log(`  ${sql}`);
  return result;
}
try {
  await post('/v1/orders', order(0), service); // warm-up
  const placed = await measure('order ingest', () => post('/v1/orders', order(1), service));
  await measure('shipment confirmation', () =>
    post(
      `/v1/orders/${placed.body.id}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: 'LP00000000000001' },
      seller,
    ),
  );
  // What the answer set going: the relay delivering its events and the in-process reactions to them.
  await measure('after the answer (1 s: relay and reactions)', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    return { status: '-' };
  });
} finally {
  await app.close();
  await dropDatabase(databaseUrl);
}
