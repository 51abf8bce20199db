// The outbox relay against a real Kafka broker, next to its floor in the same run: a bare kafkajs
// producer (idempotent, acks from all replicas, as the relay's) sending the same messages in
// batches of the relay's size. Then commit -> Kafka latency at a steady 1,000 events/s.
//
//   bash scripts/kafka/start.sh                       # prints KAFKA_BROKERS=127.0.0.1:<port>
//   npx nest build && KAFKA_BROKERS=127.0.0.1:<port> node bench/relay.mjs
//   BENCH_EVENTS=2000 BENCH_ROUNDS=1 BENCH_RATE_SECONDS=2 ...   # the small run CI makes
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import {
  bootApp,
  createDatabase,
  dropDatabase,
  fmt,
  intEnv,
  loadDist,
  machine,
  markdownTable,
  median,
  percentile,
  recordResult,
} from './lib.mjs';

const EVENTS = intEnv('BENCH_EVENTS', 20000);
const ROUNDS = intEnv('BENCH_ROUNDS', 3);
const RATE = intEnv('BENCH_RATE', 1000);
const RATE_SECONDS = intEnv('BENCH_RATE_SECONDS', 10);
const BATCH = 500; // OUTBOX_BATCH_SIZE's default
const WARMUP = 4 * BATCH;
const PHASE_MS = intEnv('BENCH_PHASE_TIMEOUT_S', 300) * 1000;
const brokers = process.env.KAFKA_BROKERS?.split(',');
if (!brokers) throw new Error('KAFKA_BROKERS is required (bash scripts/kafka/start.sh prints it)');

const namespace = `bench${process.pid}`;
// Topics no context of the app consumes: its own consumers would otherwise read (and dead-letter)
// the bench's events while the relay and the bare producer are timed, on the same two cores.
const topic = `${namespace}.relay-bench.v1`;
const latencyTopic = `${namespace}.latency.v1`;
// An order-placed event's size: the payload of a two-line order.
const payload = JSON.stringify({
  orderId: '01a219f4-0000-7000-8000-000000000001',
  storeId: 'store-bench',
  buyerId: 'buyer-1',
  lines: [
    {
      lineId: 'l1',
      sku: 'SKU-1',
      title: 'Phone case',
      quantity: 2,
      unitPrice: { minor: '1250', currency: 'USD' },
    },
    {
      lineId: 'l2',
      sku: 'SKU-2',
      title: 'Charger',
      quantity: 1,
      unitPrice: { minor: '3900', currency: 'USD' },
    },
  ],
  total: { minor: '6700', currency: 'USD' },
  paidAt: '2026-11-26T00:00:00.000Z',
  shipBy: '2026-11-29T00:00:00.000Z',
});

/** Outbox rows as a command's commit leaves them, `count` of them, with one NOTIFY (the relay's wake-up). */
async function commitRows(db, topicName, count) {
  const { rows } = await db.query(
    `with rows as (
       insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at)
       select gen_random_uuid(), $1, gen_random_uuid()::text, 'tradehub.orders.order-placed', 1, '/tradehub/orders',
              'order/bench', $2::jsonb, now()
       from generate_series(1, $3) returning id)
     select id, pg_notify('tradehub_outbox', '') is null as notified from rows`,
    [topicName, payload, count],
  );
  return rows.map((r) => r.id);
}

async function unpublished(db) {
  const { rows } = await db.query(
    `select count(*)::int as n from platform.outbox where published_at is null`,
  );
  return rows[0].n;
}

async function drained(db) {
  const started = performance.now();
  while ((await unpublished(db)) > 0) {
    if (performance.now() - started > PHASE_MS) throw new Error('the relay did not drain in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const dist = loadDist();
const databaseUrl = await createDatabase('bench_relay');
const kafka = new Kafka({ clientId: 'bench-relay', brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const consumer = kafka.consumer({ groupId: `${namespace}-latency` });
const db = new pg.Client({ connectionString: databaseUrl });
let app;
let failed = false;
try {
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [topic, latencyTopic].map((t) => ({ topic: t, numPartitions: 6 })),
  });
  await producer.connect();
  app = await bootApp(dist, databaseUrl, {
    SANDBOX: 'false',
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_NAMESPACE: namespace,
    KAFKA_CHECKOUT_TOPIC: `${namespace}.checkout.order-paid.v1`,
    KAFKA_LOGISTICS_TOPIC: `${namespace}.logistics.tracking.v1`,
  });
  await app.init();
  await db.connect();
  const info = await machine(db);
  // The Kafka value the relay sends for such a row: the payload as PostgreSQL prints its jsonb, with its schema version.
  const { rows: printed } = await db.query(`select $1::jsonb::text as data`, [payload]);
  const wireValue = `{"schemaVersion":1,"data":${printed[0].data}}`;
  // The floor's messages: the relay's key, value and headers, byte for byte the same sizes.
  const bareMessages = (count) =>
    Array.from({ length: count }, () => ({
      key: randomUUID(),
      value: wireValue,
      headers: {
        ce_specversion: '1.0',
        ce_id: randomUUID(),
        ce_type: 'tradehub.orders.order-placed',
        ce_source: '/tradehub/orders',
        ce_time: '2026-11-26T00:00:00.000Z',
        ce_subject: 'order/bench',
        ce_dataschemaversion: '1',
        'content-type': 'application/json',
      },
    }));
  // In the relay's batch size, one batch after another.
  const sendBare = async (messages) => {
    for (let i = 0; i < messages.length; i += BATCH)
      await producer.sendBatch({
        acks: -1,
        topicMessages: [{ topic, messages: messages.slice(i, i + BATCH) }],
      });
  };
  // Both warmed up first (connections, and the JIT on the code they share: kafkajs's encoding),
  // which the first round's relay would otherwise pay alone.
  await commitRows(db, topic, WARMUP);
  await drained(db);
  await sendBare(bareMessages(WARMUP));

  const relayRates = [];
  const peerRates = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The relay: rows committed beforehand, one wake-up; the clock runs until none is unpublished.
    await db.query('begin');
    await commitRows(db, topic, EVENTS);
    await db.query('commit');
    const relayStarted = performance.now();
    await drained(db);
    relayRates.push((EVENTS / (performance.now() - relayStarted)) * 1000);
    // The floor: the same messages from a bare producer.
    const messages = bareMessages(EVENTS);
    const peerStarted = performance.now();
    await sendBare(messages);
    peerRates.push((EVENTS / (performance.now() - peerStarted)) * 1000);
  }

  // Commit -> Kafka at a steady rate: a commit of 10 rows every 10 ms, each row's commit instant kept.
  const committedAt = new Map();
  const latencies = [];
  await consumer.connect();
  await consumer.subscribe({ topic: latencyTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const at = committedAt.get(message.headers.ce_id.toString());
      if (at !== undefined) latencies.push(performance.now() - at);
    },
  });
  const total = RATE * RATE_SECONDS;
  const perTick = RATE / 100;
  const started = performance.now();
  for (let sent = 0; sent < total; sent += perTick) {
    const ids = await commitRows(db, latencyTopic, perTick);
    const now = performance.now();
    for (const id of ids) committedAt.set(id, now);
    const next = started + ((sent + perTick) / RATE) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  const achievedRate = (total / (performance.now() - started)) * 1000;
  const waitStarted = performance.now();
  while (latencies.length < total && performance.now() - waitStarted < 60_000)
    await new Promise((r) => setTimeout(r, 50));
  if (latencies.length < total) throw new Error(`only ${latencies.length} of ${total} events arrived`);
  latencies.sort((a, b) => a - b);

  const ratios = relayRates.map((r, i) => r / peerRates[i]);
  // Issue 9's goals: the relay at 0.8 of a bare producer at least, commit -> Kafka p99 within 100 ms.
  recordResult('outbox relay ÷ bare kafkajs producer', ratios, { atLeast: 0.8 });
  recordResult(`commit -> Kafka p99 at ${RATE} events/s`, [percentile(latencies, 99)], {
    atMost: 100,
    unit: 'ms',
  });
  console.log(`machine: ${info.cores} cores (${info.cpu}), node ${info.node}`);
  console.log(`postgres: ${info.postgres} (${info.settings})`);
  console.log(
    `kafka: ${brokers.join(',')}, topics with 6 partitions; ${EVENTS} events per phase, ${ROUNDS} rounds\n`,
  );
  console.log(
    markdownTable(
      ['publisher', 'events/s per round', 'median'],
      [
        [
          'outbox relay (select, publish, mark)',
          relayRates.map((r) => fmt(r, 0)).join(', '),
          fmt(median(relayRates), 0),
        ],
        [
          'bare kafkajs producer, batches of 500',
          peerRates.map((r) => fmt(r, 0)).join(', '),
          fmt(median(peerRates), 0),
        ],
      ],
    ),
  );
  console.log(
    `\nrelay ÷ bare producer, per round: min ${fmt(Math.min(...ratios), 2)} / median ${fmt(median(ratios), 2)} / max ${fmt(Math.max(...ratios), 2)}`,
  );
  console.log(
    `commit -> Kafka at ${fmt(achievedRate, 0)} events/s for ${RATE_SECONDS} s (${total} events): ` +
      `p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, max ${fmt(latencies.at(-1))} ms`,
  );
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await consumer.disconnect().catch(() => undefined);
  await producer.disconnect().catch(() => undefined);
  await admin.deleteTopics({ topics: [topic, latencyTopic] }).catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db.end().catch(() => undefined);
  await dropDatabase(databaseUrl);
}
process.exit(failed ? 1 : 0);
