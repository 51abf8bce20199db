// An authenticated GET of one order through the app — with a seller's dev token, and with an
// access token of tradehub's OAuth server (its standing kept until a change is announced, its
// rate limit counted in leases) — next to its peers in the same process and run: bare Fastify with a bare pg pool running the same
// query, and bare Fastify returning a constant. Rounds are interleaved.
//
//   npx nest build && node bench/get-order.mjs
//   BENCH_REQUESTS=5000 BENCH_ROUNDS=1 node bench/get-order.mjs     # the small run CI makes
import Fastify from 'fastify';
import pg from 'pg';
import {
  benchTokens,
  bootApp,
  createDatabase,
  dropDatabase,
  fmt,
  httpLoad,
  intEnv,
  loadDist,
  loadStats,
  machine,
  markdownTable,
  median,
  paidOrder,
  spread,
  recordResult,
} from './lib.mjs';

const REQUESTS = intEnv('BENCH_REQUESTS', 20000);
const ROUNDS = intEnv('BENCH_ROUNDS', 3);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 16);
const ORDERS = intEnv('BENCH_ORDERS', 200);
const PHASE_MS = intEnv('BENCH_PHASE_TIMEOUT_S', 300) * 1000;
// The app's query for one order (Tx.findById), sent by the peer with the app's pool size.
const ORDER_SQL = 'select * from "orders"."orders" where "id" = $1';

async function listen(server) {
  await server.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${server.server.address().port}`;
}

const dist = loadDist();
const databaseUrl = await createDatabase('bench_get');
let app;
let pool;
const peers = [];
let failed = false;
try {
  // As deployed for partners: no sandbox clock (with it, each request reads the stored instant first).
  app = await bootApp(dist, databaseUrl, { SANDBOX: 'false' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const tokens = app.get(dist.platform.TokenService);
  const { service, seller } = await benchTokens(tokens);
  const placed = await httpLoad({
    baseUrl: appUrl,
    token: service,
    requests: Array.from({ length: ORDERS }, (_, i) => ({
      path: '/v1/orders',
      body: paidOrder(`GET-${process.pid}-${i}`, i),
    })),
    expectStatus: 201,
    concurrency: CONCURRENCY,
    deadlineMs: PHASE_MS,
  });
  if (placed.errors) throw new Error(`seeding failed: ${placed.errorSamples.join('; ')}`);
  const ids = placed.ids;

  pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const info = await machine(await pool.connect().then((c) => (c.release(), pool)));
  const withQuery = Fastify();
  withQuery.get('/orders/:id', async (request, reply) => {
    const { rows } = await pool.query(ORDER_SQL, [request.params.id]);
    return rows[0] ?? reply.code(404).send();
  });
  const constant = Fastify();
  constant.get('/orders/:id', async () => ({ id: 'constant' }));
  peers.push(withQuery, constant);
  const oauth = await serviceAccessToken(appUrl, tokens);
  const targets = [
    { label: 'app: GET /v1/orders/{id}, seller token', url: appUrl, path: (id) => `/v1/orders/${id}` },
    {
      label: 'app: GET /v1/orders/{id}, OAuth token (standing kept, rate limit in leases)',
      url: appUrl,
      path: (id) => `/v1/orders/${id}`,
      token: oauth,
    },
    {
      label: 'bare Fastify + bare pg, same query',
      url: await listen(withQuery),
      path: (id) => `/orders/${id}`,
    },
    { label: 'bare Fastify, a constant', url: await listen(constant), path: (id) => `/orders/${id}` },
  ];

  const results = targets.map(() => []);
  // Round 0 warms each target up (JIT, lazily built validators) and is not reported.
  for (let round = -1; round < ROUNDS; round++) {
    for (const [t, target] of targets.entries()) {
      const requests = Array.from({ length: REQUESTS }, (_, i) => ({
        method: 'GET',
        path: target.path(ids[i % ids.length]),
      }));
      const result = await httpLoad({
        baseUrl: target.url,
        token: target.token ?? seller,
        requests,
        expectStatus: 200,
        concurrency: CONCURRENCY,
        deadlineMs: PHASE_MS,
      });
      if (result.errors || result.completed !== REQUESTS) {
        failed = true;
        console.error(`${target.label}: ${result.errors} errors`, result.errorSamples);
      }
      if (round >= 0) results[t].push(loadStats(result));
    }
  }

  const ratios = (t, peer) => results[t].map((r, i) => r.opsPerSecond / results[peer][i].opsPerSecond);
  recordResult('GET one order, dev token ÷ (bare Fastify + bare pg)', ratios(0, 2), { atLeast: 0.5 });
  recordResult('GET one order, OAuth token ÷ (bare Fastify + bare pg)', ratios(1, 2), { atLeast: 0.5 });
  console.log(`machine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(`${REQUESTS} requests per phase, ${CONCURRENCY} concurrent, ${ROUNDS} interleaved rounds\n`);
  console.log(
    markdownTable(
      ['target', 'req/s per round', 'median', 'p50 / p99 ms (median round)'],
      targets.map((target, t) => {
        const perRound = results[t].map((r) => r.opsPerSecond);
        const mid = results[t].find((r) => r.opsPerSecond === median(perRound)) ?? results[t][0];
        return [
          target.label,
          perRound.map((x) => fmt(x, 0)).join(', '),
          fmt(median(perRound), 0),
          `${fmt(mid.p50, 2)} / ${fmt(mid.p99, 2)}`,
        ];
      }),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['ratio, per round', 'min / median / max'],
      [
        ['app ÷ (bare Fastify + bare pg)', spread(ratios(0, 2))],
        ['app with an OAuth token ÷ (bare Fastify + bare pg)', spread(ratios(1, 2))],
        ['app ÷ bare Fastify constant', spread(ratios(0, 3))],
      ],
    ),
  );
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const peer of peers) await peer.close().catch(() => undefined);
  await pool?.end().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);

/** A service app's access token from tradehub's own OAuth server (client credentials), as partners' calls carry. */
async function serviceAccessToken(appUrl, tokens) {
  const operator = await tokens.mint({ id: 'bench-operator', kind: 'operator', stores: '*', scopes: [] });
  const registered = await fetch(`${appUrl}/v1/access/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: `bench-${process.pid}`,
      name: 'Benchmark service',
      kind: 'service',
      redirectUris: [],
      scopes: ['orders:read'],
      rateLimitPerMinute: 1_000_000,
    }),
  });
  const app = await registered.json();
  if (registered.status !== 201)
    throw new Error(`app registration: ${registered.status} ${JSON.stringify(app)}`);
  const issued = await fetch(`${appUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'orders:read' }),
  });
  const body = await issued.json();
  if (issued.status !== 200) throw new Error(`client credentials: ${issued.status} ${JSON.stringify(body)}`);
  return body.access_token;
}
