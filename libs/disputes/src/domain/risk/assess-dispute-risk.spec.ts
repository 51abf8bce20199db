import fc from 'fast-check';
import { assessDisputeRisk, riskLevel } from './assess-dispute-risk';
import { DEFAULT_DISPUTE_RISK_POLICY, DisputeRiskPolicy } from './risk-policy';
import { riskFlagCodes } from './risk-flags';
import { RiskInputs, RiskSignal } from './risk-types';

const policy = DEFAULT_DISPUTE_RISK_POLICY;
const W = policy.weights;

const clean: RiskInputs = {
  address: { line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' },
  paymentMethod: 'CARD',
  paymentCountry: 'ES',
  buyer: { orders: 10, returns: 1, disputes: 0 },
  lateShipment: false,
  logisticsStalled: false,
};

const signals = (inputs: RiskInputs, p: DisputeRiskPolicy = policy): RiskSignal[] => [
  ...new Set(assessDisputeRisk(inputs, p).reasons.map((r) => r.signal)),
];

describe('assessDisputeRisk', () => {
  it('DSP-5: an order with no signal scores 0, LOW, with no reason', () => {
    expect(assessDisputeRisk(clean, policy)).toEqual({ score: 0, level: 'LOW', reasons: [] });
  });

  it('DSP-5: an ambiguous address adds points scaled by how bad the problem is', () => {
    const missing = assessDisputeRisk({ ...clean, address: { ...clean.address, postalCode: null } }, policy);
    const duplicated = assessDisputeRisk(
      { ...clean, address: { ...clean.address, line2: 'Madrid' } },
      policy,
    );
    expect(missing.reasons).toEqual([
      {
        signal: 'ADDRESS_AMBIGUOUS',
        code: 'POSTAL_CODE_MISSING',
        message: 'The address has no postal code',
        points: Math.round(W.ADDRESS_AMBIGUOUS * 0.8),
      },
    ]);
    expect(duplicated.score).toBeGreaterThan(0);
    expect(duplicated.score).toBeLessThan(missing.score);
  });

  it('DSP-5: address points are capped at the address weight, the most severe problem first', () => {
    const messy = assessDisputeRisk(
      {
        ...clean,
        address: { line1: 'PO Box 1', line2: 'PO Box 1', city: 'Madrid', postalCode: null, country: 'FR' },
        paymentCountry: 'FR',
      },
      policy,
    );
    expect(messy.score).toBe(W.ADDRESS_AMBIGUOUS);
    expect(messy.reasons.map((r) => r.code)).toEqual([
      'POSTAL_CODE_MISSING',
      'CITY_NOT_IN_COUNTRY',
      'PO_BOX',
      'DUPLICATED_LINE',
    ]);
    expect(messy.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(W.ADDRESS_AMBIGUOUS);
    expect(messy.reasons.at(-1)!.points).toBe(0);
  });

  it('DSP-5: an abnormal payment method and a payment/shipping country mismatch are payment anomalies', () => {
    const prepaid = assessDisputeRisk({ ...clean, paymentMethod: 'prepaid card' }, policy);
    expect(prepaid.reasons).toEqual([
      expect.objectContaining({ signal: 'PAYMENT_ANOMALY', code: 'PAYMENT_METHOD_ABNORMAL' }),
    ]);
    const abroad = assessDisputeRisk({ ...clean, paymentCountry: 'BR' }, policy);
    expect(abroad.reasons).toEqual([
      expect.objectContaining({
        signal: 'PAYMENT_ANOMALY',
        code: 'PAYMENT_COUNTRY_MISMATCH',
        message: 'Paid from Brazil but ships to Spain',
      }),
    ]);
    const both = assessDisputeRisk({ ...clean, paymentMethod: 'PREPAID_CARD', paymentCountry: 'BR' }, policy);
    expect(both.score).toBe(W.PAYMENT_ANOMALY);
    expect(both.score).toBeGreaterThan(abroad.score);
    // An unknown payment country, or the same one in another case, is no anomaly.
    expect(assessDisputeRisk({ ...clean, paymentCountry: '' }, policy).score).toBe(0);
    expect(assessDisputeRisk({ ...clean, paymentCountry: 'es' }, policy).score).toBe(0);
  });

  it('DSP-5: a serial returner needs both enough requests and a high enough rate; points grow with the rate', () => {
    const { minRequests } = policy.serialReturner;
    const score = (orders: number, returns: number, disputes: number) =>
      assessDisputeRisk({ ...clean, buyer: { orders, returns, disputes } }, policy).score;
    expect(score(1, 1, 0)).toBe(minRequests > 1 ? 0 : expect.any(Number));
    expect(score(20, 2, 1)).toBe(0); // 15%: below the rate
    const third = score(10, 2, 2); // 40%
    const most = score(10, 5, 3); // 80%
    const all = score(4, 2, 2); // 100%
    expect(third).toBeGreaterThan(0);
    expect(most).toBeGreaterThan(third);
    expect(all).toBe(W.SERIAL_RETURNER);
    expect(score(2, 2, 2)).toBe(W.SERIAL_RETURNER); // more requests than orders: the rate stops at 100%
    expect(score(0, 0, 0)).toBe(0);
    const reason = assessDisputeRisk({ ...clean, buyer: { orders: 10, returns: 2, disputes: 2 } }, policy)
      .reasons[0];
    expect(reason).toMatchObject({ signal: 'SERIAL_RETURNER', code: 'SERIAL_RETURNER' });
    expect(reason.message).toBe(
      'The buyer asked for a return or refund 4 times over their 10 orders of the last 90 days (40%)',
    );
  });

  it('DSP-5: late shipment and stalled logistics add their whole weight each', () => {
    expect(assessDisputeRisk({ ...clean, lateShipment: true }, policy)).toMatchObject({
      score: W.LATE_SHIPMENT,
      reasons: [{ signal: 'LATE_SHIPMENT', code: 'LATE_SHIPMENT', points: W.LATE_SHIPMENT }],
    });
    expect(assessDisputeRisk({ ...clean, logisticsStalled: true }, policy)).toMatchObject({
      score: W.LOGISTICS_STALLED,
      reasons: [{ signal: 'LOGISTICS_STALLED', points: W.LOGISTICS_STALLED }],
    });
  });

  it('DSP-5: the score is capped at 100 and reasons come highest points first', () => {
    const worst = assessDisputeRisk(
      {
        address: { line1: 'x', city: '', postalCode: null, country: 'ES' },
        paymentMethod: 'GIFT_CARD',
        paymentCountry: 'NG',
        buyer: { orders: 3, returns: 3, disputes: 0 },
        lateShipment: true,
        logisticsStalled: true,
      },
      policy,
    );
    expect(worst.score).toBe(100);
    expect(worst.level).toBe('HIGH');
    const points = worst.reasons.map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(signals({ ...clean, lateShipment: true, paymentCountry: 'BR' })).toEqual([
      'PAYMENT_ANOMALY',
      'LATE_SHIPMENT',
    ]);
  });

  it('DSP-5: level cuts: at or above the high cut HIGH, at or above the medium cut MEDIUM, else LOW', () => {
    const cuts = { mediumScore: 30, highScore: 60 };
    expect(riskLevel(0, cuts)).toBe('LOW');
    expect(riskLevel(29, cuts)).toBe('LOW');
    expect(riskLevel(30, cuts)).toBe('MEDIUM');
    expect(riskLevel(59, cuts)).toBe('MEDIUM');
    expect(riskLevel(60, cuts)).toBe('HIGH');
    expect(riskLevel(100, cuts)).toBe('HIGH');
    const custom = { ...policy, ...cuts };
    expect(
      assessDisputeRisk({ ...clean, lateShipment: true }, { ...custom, weights: { ...W, LATE_SHIPMENT: 30 } })
        .level,
    ).toBe('MEDIUM');
  });

  it('DSP-5: with the default policy, one serious reason is MEDIUM; a serial returner or a badly broken address is HIGH alone', () => {
    const level = (inputs: RiskInputs) => assessDisputeRisk(inputs, policy).level;
    expect(level({ ...clean, address: { ...clean.address, postalCode: null } })).toBe('MEDIUM');
    expect(level({ ...clean, paymentMethod: 'PREPAID_CARD', paymentCountry: 'BR' })).toBe('MEDIUM');
    expect(level({ ...clean, logisticsStalled: true })).toBe('MEDIUM');
    expect(level({ ...clean, paymentCountry: 'BR' })).toBe('LOW');
    expect(level({ ...clean, lateShipment: true })).toBe('LOW');
    expect(level({ ...clean, buyer: { orders: 10, returns: 2, disputes: 1 } })).toBe('HIGH');
    expect(level({ ...clean, address: { ...clean.address, line1: 'PO Box 4', postalCode: null } })).toBe(
      'HIGH',
    );
    // Two independent reasons.
    expect(level({ ...clean, address: { ...clean.address, postalCode: null }, paymentCountry: 'BR' })).toBe(
      'HIGH',
    );
    expect(level({ ...clean, logisticsStalled: true, lateShipment: true })).toBe('HIGH');
  });

  it('DSP-5: a signal with weight 0 is switched off: no points, no reason, no flag', () => {
    const off = { ...policy, weights: { ...W, PAYMENT_ANOMALY: 0 } };
    const assessment = assessDisputeRisk({ ...clean, paymentCountry: 'BR' }, off);
    expect(assessment).toEqual({ score: 0, level: 'LOW', reasons: [] });
    expect(riskFlagCodes(assessment)).toEqual([]);
  });
});

describe('riskFlagCodes', () => {
  it('DSP-5, CMP-5: raises risk types 11-13 only for the signals present, in table order', () => {
    const assessment = assessDisputeRisk(
      {
        ...clean,
        address: { ...clean.address, postalCode: null },
        paymentCountry: 'BR',
        buyer: { orders: 4, returns: 4, disputes: 0 },
        lateShipment: true,
        logisticsStalled: true,
      },
      policy,
    );
    expect(riskFlagCodes(assessment)).toEqual(['ADDRESS_AMBIGUOUS', 'PAYMENT_ANOMALY', 'SERIAL_RETURNER']);
    expect(riskFlagCodes(assessDisputeRisk({ ...clean, lateShipment: true }, policy))).toEqual([]);
    expect(riskFlagCodes(assessDisputeRisk({ ...clean, paymentMethod: 'GIFT_CARD' }, policy))).toEqual([
      'PAYMENT_ANOMALY',
    ]);
  });
});

describe('assessDisputeRisk, properties', () => {
  const countries = ['ES', 'US', 'GB', 'FR', 'DE', 'BR', 'RU', 'AE', 'CN', 'IS', 'XX', ''];
  const address = fc.record({
    line1: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Calle Mayor 1', 'PO Box 4', 'x', '12345')),
    line2: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Calle Mayor 1', 'Madrid')), {
      nil: null,
    }),
    city: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Madrid', 'London', 'Moscow', 'Paris', '')),
    region: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
    postalCode: fc.option(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('28013', '08001', 'SW1A 2AA')),
      {
        nil: null,
      },
    ),
    country: fc.constantFrom(...countries),
  });
  const inputs: fc.Arbitrary<RiskInputs> = fc.record({
    address,
    paymentMethod: fc.constantFrom('CARD', 'PREPAID_CARD', 'gift card', 'PAYPAL', ''),
    paymentCountry: fc.constantFrom(...countries),
    buyer: fc.record({
      orders: fc.nat({ max: 60 }),
      returns: fc.nat({ max: 40 }),
      disputes: fc.nat({ max: 40 }),
    }),
    lateShipment: fc.boolean(),
    logisticsStalled: fc.boolean(),
  });
  const weight = fc.integer({ min: 0, max: 100 });
  const policies: fc.Arbitrary<DisputeRiskPolicy> = fc
    .record({
      weights: fc.record({
        ADDRESS_AMBIGUOUS: weight,
        PAYMENT_ANOMALY: weight,
        SERIAL_RETURNER: weight,
        LATE_SHIPMENT: weight,
        LOGISTICS_STALLED: weight,
      }),
      cuts: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
      minRequests: fc.integer({ min: 1, max: 10 }),
      minRate: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ weights, cuts, minRequests, minRate }) => ({
      weights,
      mediumScore: Math.min(...cuts),
      highScore: Math.max(...cuts),
      abnormalPaymentMethods: ['PREPAID_CARD', 'GIFT_CARD'],
      serialReturner: { windowDays: 90, minRequests, minRate: minRate / 100 },
    }));
  const anyPolicy = fc.oneof(fc.constant(DEFAULT_DISPUTE_RISK_POLICY), policies);

  it('DSP-5: the score is always an integer in 0..100, no more than its reasons add up to, and its level follows the cuts', () => {
    fc.assert(
      fc.property(inputs, anyPolicy, (i, p) => {
        const { score, level, reasons } = assessDisputeRisk(i, p);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        const total = reasons.reduce((sum, r) => sum + r.points, 0);
        expect(total).toBeGreaterThanOrEqual(score);
        expect(score).toBe(Math.min(100, total));
        expect(level).toBe(riskLevel(score, p));
        for (const signal of new Set(reasons.map((r) => r.signal))) {
          const points = reasons.filter((r) => r.signal === signal).reduce((sum, r) => sum + r.points, 0);
          expect(points).toBeLessThanOrEqual(p.weights[signal]);
        }
        for (const r of reasons) expect(r.message).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('DSP-5: adding a signal never lowers the score (monotonic)', () => {
    const add: ((i: RiskInputs) => RiskInputs)[] = [
      (i) => ({ ...i, lateShipment: true }),
      (i) => ({ ...i, logisticsStalled: true }),
      (i) => ({ ...i, paymentMethod: 'PREPAID_CARD' }),
      (i) => ({ ...i, paymentCountry: i.address.country === 'BR' ? 'AR' : 'BR' }),
      (i) => ({ ...i, buyer: { ...i.buyer, returns: i.buyer.returns + 1 } }),
      (i) => ({ ...i, buyer: { ...i.buyer, disputes: i.buyer.disputes + 3 } }),
      (i) => ({ ...i, address: { ...i.address, line2: i.address.line1 } }),
      (i) => ({ ...i, address: { ...i.address, line2: 'PO Box 12' } }),
    ];
    fc.assert(
      fc.property(inputs, anyPolicy, fc.integer({ min: 0, max: add.length - 1 }), (i, p, k) => {
        const before = assessDisputeRisk(i, p);
        const after = assessDisputeRisk(add[k](i), p);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
      { numRuns: 1000 },
    );
  });

  it('DSP-5: the assessment depends on its inputs only (same inputs, same answer)', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        expect(assessDisputeRisk(i, policy)).toEqual(assessDisputeRisk(structuredClone(i), policy));
      }),
    );
  });
});
