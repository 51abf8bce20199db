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
});
