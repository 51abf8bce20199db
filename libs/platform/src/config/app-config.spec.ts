import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults: every context runs, events in-process, no sandbox', () => {
    const config = loadConfig({});
    expect([...config.contexts]).toEqual([
      'orders',
      'fulfillment',
      'settlement',
      'disputes',
      'reviews',
      'compliance',
    ]);
    expect(config.sandbox).toBe(false);
    expect(config.kafka.brokers).toBeUndefined();
  });

  it('the sandbox clock is refused in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SANDBOX: 'true', AUTH_JWT_SECRET: 'x'.repeat(32) }),
    ).toThrow(ConfigError);
  });

  it('production needs a real signing key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
  });

  it('bad values are refused by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ROLES: 'api,cron' })).toThrow(/ROLES/);
    expect(() => loadConfig({ CONTEXTS: 'orders,billing', KAFKA_BROKERS: 'k:9092' })).toThrow(/CONTEXTS/);
  });

  it('a process running some contexts only reaches the others through Kafka', () => {
    expect(() => loadConfig({ CONTEXTS: 'orders' })).toThrow(/KAFKA_BROKERS/);
    expect([...loadConfig({ CONTEXTS: 'orders', KAFKA_BROKERS: 'k:9092' }).contexts]).toEqual(['orders']);
  });
});
