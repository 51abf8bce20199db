import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const ROOT = path.resolve(__dirname, '../..');
const hasCommand = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

interface Broker {
  brokers: string;
  runDir: string;
}

/** Runs scripts/kafka/start.sh as a developer would and reads the two lines it prints. */
function start(dataDir: string): Broker {
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/kafka/start.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KAFKA_DATA_DIR: dataDir, KAFKA_PORT: '' },
    timeout: 120_000,
  });
  const vars = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => line.trim().split(/=(.*)/s, 2)),
  );
  if (result.status !== 0 || !vars.KAFKA_BROKERS) {
    if (vars.KAFKA_RUN_DIR) stop(vars.KAFKA_RUN_DIR);
    throw new Error(`start.sh failed (exit ${result.status}):\n${result.stderr}`);
  }
  return { brokers: vars.KAFKA_BROKERS, runDir: vars.KAFKA_RUN_DIR };
}

function stop(runDir: string): void {
  spawnSync('bash', [path.join(ROOT, 'scripts/kafka/stop.sh'), runDir], { stdio: 'ignore', timeout: 30_000 });
}

const client = (brokers: string): Kafka =>
  new Kafka({ clientId: 'kafka-data-dir-test', brokers: [brokers], logLevel: logLevel.NOTHING });

// The scripts need Java and Maven (as npm test's own broker does); elsewhere there is nothing to prove.
const describeWithJava = hasCommand('java') && hasCommand('mvn') ? describe : describe.skip;

describeWithJava('scripts/kafka with KAFKA_DATA_DIR: a broker restarts on the data it kept', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehub-kafka-data-'));
  const running: string[] = [];

  afterAll(() => {
    for (const runDir of running) if (fs.existsSync(runDir)) stop(runDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps topics, messages and the cluster id across stop and start, on the same port', async () => {
    const first = start(dataDir);
    running.push(first.runDir);
    const before = client(first.brokers);
    const admin = before.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: 'kept.orders.v1', numPartitions: 3 }],
    });
    const { clusterId } = await admin.describeCluster();
    await admin.disconnect();
    const producer = before.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: 'kept.orders.v1', acks: -1, messages: [{ key: 'order-1', value: 'paid' }] });
    await producer.disconnect();

    stop(first.runDir);
    expect(fs.existsSync(first.runDir)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'kraft', 'meta.properties'))).toBe(true);

    const second = start(dataDir);
    running.push(second.runDir);
    expect(second.brokers).toBe(first.brokers);
    const after = client(second.brokers);
    const admin2 = after.admin();
    await admin2.connect();
    expect((await admin2.describeCluster()).clusterId).toBe(clusterId);
    expect(await admin2.listTopics()).toContain('kept.orders.v1');
    const offsets = await admin2.fetchTopicOffsets('kept.orders.v1');
    await admin2.disconnect();
    expect(offsets).toHaveLength(3);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(1);

    const consumer = after.consumer({ groupId: 'kept-reader', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: ['kept.orders.v1'], fromBeginning: true });
    const received = new Promise<{ key: string; value: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the kept message was not read back in 30 s')), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          resolve({ key: String(message.key), value: String(message.value) });
        },
      });
    });
    try {
      await expect(received).resolves.toEqual({ key: 'order-1', value: 'paid' });
    } finally {
      await consumer.disconnect();
    }
    stop(second.runDir);
  }, 120_000);
});
