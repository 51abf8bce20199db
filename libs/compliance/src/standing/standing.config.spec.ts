import { ConfigError } from '@tradehub/platform';
import { loadStandingPolicy } from './standing.config';

describe('Compliance settings', () => {
  it('CMP-1, CMP-2, CMP-3: the rulebook defaults without settings', () => {
    const policy = loadStandingPolicy({});
    expect(policy.sla.map((p) => p.weight)).toEqual([15, 15, 15, 20, 20, 15]);
    expect(policy.bars).toEqual({
      slowFulfillmentShare: 150_000n,
      disputeRate: 32_000n,
      positiveRate: 945_000n,
    });
    expect(policy.campaignDsrBar).toBe(47_000n);
    expect(policy.windowDays).toBe(90);
    expect(policy.slowFulfillmentHours).toBe(72);
  });

  it('CMP-1: weights are configurable but must sum to 100; best and worst must differ', () => {
    const moved = loadStandingPolicy({ SLA_DISPUTE_RATE_WEIGHT: '20', SLA_POSITIVE_RATE_WEIGHT: '10' });
    expect(moved.sla.find((p) => p.metric === 'DISPUTE_RATE')!.weight).toBe(20);
    expect(() => loadStandingPolicy({ SLA_DISPUTE_RATE_WEIGHT: '20' })).toThrow(ConfigError);
    expect(() => loadStandingPolicy({ SLA_DSR_MEAN_BEST: '4', SLA_DSR_MEAN_WORST: '4.0' })).toThrow(
      ConfigError,
    );
  });

  it('CMP-2: a bar is a decimal fraction; anything else stops the start with the setting named', () => {
    expect(loadStandingPolicy({ CMP_DISPUTE_RATE_BAR: '0.05' }).bars.disputeRate).toBe(50_000n);
    expect(() => loadStandingPolicy({ CMP_DISPUTE_RATE_BAR: '5%' })).toThrow(/CMP_DISPUTE_RATE_BAR/);
  });
});
