import { loadConfig } from './app-config';

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
      loadConfig({ NODE_ENV: 'production', SANDBOX: 'true', PUBLIC_URL: 'https://trade.example' }),
    ).toThrow(/SANDBOX/);
  });

  it('production names its public URL (the OAuth issuer) and takes no dev tokens, so needs no dev signing key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://trade.example/' });
    expect(config.auth).toMatchObject({ publicUrl: 'https://trade.example', devTokens: false });
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://trade.example', AUTH_DEV_TOKENS: 'true' }),
    ).toThrow(/AUTH_DEV_TOKENS/);
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
