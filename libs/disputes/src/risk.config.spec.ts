import { ConfigError } from '@tradehub/platform';
import { DEFAULT_DISPUTE_RISK_POLICY } from './domain/risk';
import { DISPUTE_RISK_SETTINGS, loadDisputeRiskPolicy } from './risk.config';

describe('Dispute risk configuration', () => {
  it('DSP-5: without settings the default policy applies', () => {
    expect(loadDisputeRiskPolicy({})).toEqual(DEFAULT_DISPUTE_RISK_POLICY);
  });

  it('DSP-5: every setting is read, the rate in percent and the method list case-insensitively', () => {
    const policy = loadDisputeRiskPolicy({
      DISPUTE_RISK_WEIGHT_ADDRESS: '10',
      DISPUTE_RISK_WEIGHT_PAYMENT: '20',
      DISPUTE_RISK_WEIGHT_SERIAL_RETURNER: '30',
      DISPUTE_RISK_WEIGHT_LATE_SHIPMENT: '0',
      DISPUTE_RISK_WEIGHT_LOGISTICS_STALLED: '50',
      DISPUTE_RISK_MEDIUM_SCORE: '20',
      DISPUTE_RISK_HIGH_SCORE: '70',
      DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS: ' prepaid card, GIFT_CARD,crypto ',
      DISPUTE_RISK_BUYER_WINDOW_DAYS: '180',
      DISPUTE_RISK_SERIAL_MIN_REQUESTS: '3',
      DISPUTE_RISK_SERIAL_MIN_RATE_PCT: '45',
    });
    expect(policy).toEqual({
      weights: {
        ADDRESS_AMBIGUOUS: 10,
        PAYMENT_ANOMALY: 20,
        SERIAL_RETURNER: 30,
        LATE_SHIPMENT: 0,
        LOGISTICS_STALLED: 50,
      },
      mediumScore: 20,
      highScore: 70,
      abnormalPaymentMethods: ['PREPAID_CARD', 'GIFT_CARD', 'CRYPTO'],
      serialReturner: { windowDays: 180, minRequests: 3, minRate: 0.45 },
    });
    expect(
      loadDisputeRiskPolicy({ DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS: 'none' }).abnormalPaymentMethods,
    ).toEqual([]);
  });

  it.each([
    ['DISPUTE_RISK_WEIGHT_ADDRESS', '101'],
    ['DISPUTE_RISK_WEIGHT_PAYMENT', '-1'],
    ['DISPUTE_RISK_WEIGHT_SERIAL_RETURNER', 'lots'],
    ['DISPUTE_RISK_WEIGHT_LATE_SHIPMENT', '2.5'],
    ['DISPUTE_RISK_WEIGHT_LOGISTICS_STALLED', '1000'],
    ['DISPUTE_RISK_MEDIUM_SCORE', '101'],
    ['DISPUTE_RISK_HIGH_SCORE', 'high'],
    ['DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS', 'PREPAID_CARD,,GIFT_CARD'],
    ['DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS', 'CARD;GIFT'],
    ['DISPUTE_RISK_BUYER_WINDOW_DAYS', '0'],
    ['DISPUTE_RISK_SERIAL_MIN_REQUESTS', '0'],
    ['DISPUTE_RISK_SERIAL_MIN_RATE_PCT', '150'],
  ])('DSP-5: a bad %s (%s) is refused by its name', (name, value) => {
    expect(() => loadDisputeRiskPolicy({ [name]: value })).toThrow(ConfigError);
    expect(() => loadDisputeRiskPolicy({ [name]: value })).toThrow(name);
  });

  it('DSP-5: the medium cut may not be above the high cut', () => {
    expect(() =>
      loadDisputeRiskPolicy({ DISPUTE_RISK_MEDIUM_SCORE: '60', DISPUTE_RISK_HIGH_SCORE: '40' }),
    ).toThrow(/DISPUTE_RISK_MEDIUM_SCORE \(60\) must not be above DISPUTE_RISK_HIGH_SCORE \(40\)/);
    expect(
      loadDisputeRiskPolicy({ DISPUTE_RISK_MEDIUM_SCORE: '40', DISPUTE_RISK_HIGH_SCORE: '40' }).highScore,
    ).toBe(40);
  });

  it('DSP-5: the settings table names every setting once, with the default the loader applies', () => {
    const names = DISPUTE_RISK_SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(11);
    const env = Object.fromEntries(DISPUTE_RISK_SETTINGS.map((s) => [s.name, s.default]));
    expect(loadDisputeRiskPolicy(env)).toEqual(DEFAULT_DISPUTE_RISK_POLICY);
  });
});
