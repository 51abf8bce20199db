import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults follow the rulebook (ORD-2 4 h window, 1 h warning; ORD-4 3 strikes in 90 days)', () => {
    const config = loadConfig({});
    expect(config.orders).toEqual({
      shipWindowHours: 4,
      shipWarningHours: 1,
      lateStrikeWindowDays: 90,
      lateStrikeThreshold: 3,
    });
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
    expect(() => loadConfig({ ORDER_SHIP_WINDOW_HOURS: 'soon' })).toThrow(/ORDER_SHIP_WINDOW_HOURS/);
    expect(() => loadConfig({ ROLES: 'api,cron' })).toThrow(/ROLES/);
  });
});
