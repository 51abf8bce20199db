// Node CPU per shipment confirmation, one at a time, through Fastify's inject (no sockets for
// HTTP): the quietest comparison of two builds, since the load generator and the contention of
// concurrent requests are out of the number. The database and the relay are real (in-process events).
//
//   npx nest build && node bench/confirmation-cpu.mjs
//   TRADEHUB_DIST=/tmp/old/dist node bench/confirmation-cpu.mjs   # another build, same script
//   BENCH_CPU_PROFILE=/tmp/seq.cpuprofile node bench/confirmation-cpu.mjs
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { benchTokens, bootApp, createDatabase, dropDatabase, intEnv, loadDist, paidOrder } from './lib.mjs';

const N = intEnv('BENCH_ORDERS', 1000);
const WARMUP = intEnv('BENCH_WARMUP', 200);

const dist = loadDist();
const databaseUrl = await createDatabase('bench_cpu');
const app = await bootApp(dist, databaseUrl);
try {
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const tokens = app.get(dist.platform.TokenService);
  const { service, seller } = await benchTokens(tokens);
  const prefix = String(randomInt(1e6)).padStart(6, '0');
  const post = async (url, payload, token, status) => {
    const response = await fastify.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== status) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return JSON.parse(response.body);
  };

  const ids = [];
  for (let i = 0; i < N + WARMUP; i++) {
    const order = await post('/v1/orders', paidOrder(`CPU-${prefix}-${i}`, i), service, 201);
    ids.push(order.id);
  }
  const ship = (i) =>
    post(
      `/v1/orders/${ids[i]}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: `LP${prefix}${String(i).padStart(8, '0')}` },
      seller,
      201,
    );
  for (let i = 0; i < WARMUP; i++) await ship(i);
  await new Promise((resolve) => setTimeout(resolve, 500));

  let session;
  if (process.env.BENCH_CPU_PROFILE) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let i = WARMUP; i < N + WARMUP; i++) await ship(i);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - started;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));
  }
  const us = (n) => (n / N).toFixed(0);
  console.log(
    `${N} confirmations one at a time: node CPU ${us(cpu.user + cpu.system)} µs each ` +
      `(user ${us(cpu.user)}, system ${us(cpu.system)}), ${(wall / N).toFixed(2)} ms each`,
  );
} finally {
  await app.close();
  await dropDatabase(databaseUrl);
}
