import type { Admin } from 'kafkajs';
import { KafkaConnection, type AppConfig } from '@tradehub/platform';
import { serviceEnv } from '../support/env';

/**
 * A clean-clone CI run exited 1 with every test passed: the readiness probe's describeCluster was
 * in flight when its app closed, kafkajs reconnected to retry it, and it ran on after the suite.
 */
describe('Kafka connection shutdown', () => {
  const config = (): AppConfig =>
    ({ kafka: { brokers: serviceEnv().kafkaBrokers.split(','), clientId: 'shutdown-test' } }) as AppConfig;

  /** Counts the admin's describeCluster calls and those still running. */
  function watchCalls(admin: Admin): { started: number; running: number } {
    const calls = { started: 0, running: 0 };
    const original = admin.describeCluster.bind(admin);
    admin.describeCluster = () => {
      calls.started++;
      calls.running++;
      return original().finally(() => calls.running--);
    };
    return calls;
  }

  it('a probe in flight when the app closes has finished when the shutdown returns', async () => {
    const connection = new KafkaConnection(config());
    const calls = watchCalls(await connection.getAdmin());
    connection.watch();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.running).toBe(1);
    await connection.onApplicationShutdown();
    expect(calls.started).toBe(1);
    expect(calls.running).toBe(0);
    expect(connection.health().status).toBe('up');
  });

  it('no probe starts after the shutdown began, though the interval or a late connect would', async () => {
    const connection = new KafkaConnection(config());
    const calls = watchCalls(await connection.getAdmin());
    const shutdown = connection.onApplicationShutdown();
    connection.watch();
    await shutdown;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls.started).toBe(0);
  });

  /** Counts the admin's calls that reach the broker while topics are created. */
  function countTopicCalls(admin: Admin): { calls: number } {
    const counted = { calls: 0 };
    for (const name of ['listTopics', 'createTopics', 'fetchTopicMetadata'] as const) {
      const original = (admin[name] as (...args: unknown[]) => Promise<unknown>).bind(admin);
      (admin as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        counted.calls++;
        return original(...args);
      };
    }
    return counted;
  }

  it('a topic creation in flight when the app closes has ended when the shutdown returns', async () => {
    const connection = new KafkaConnection(config());
    const counted = countTopicCalls(await connection.getAdmin());
    const creating = connection.ensureTopics([`shutdown-test-${Date.now()}`]).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(counted.calls).toBe(1);
    await connection.onApplicationShutdown();
    const atShutdown = counted.calls;
    await creating;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(counted.calls).toBe(atShutdown);
  });

  it('no topic creation starts once the shutdown began', async () => {
    const connection = new KafkaConnection(config());
    const counted = countTopicCalls(await connection.getAdmin());
    await connection.onApplicationShutdown();
    await expect(connection.ensureTopics([`shutdown-test-late-${Date.now()}`])).rejects.toThrow(/closing/);
    expect(counted.calls).toBe(0);
  });
});
