import {
  campaignEligibility,
  DEFAULT_DOWNGRADE_BARS,
  DEFAULT_SLA_PARTS,
  downgradeWarnings,
  NO_RATINGS,
  NOTHING,
  parseDecimal,
  type RatingsFigures,
  slaScore,
  tradeMetrics,
  type WindowTotals,
} from '.';

const totals = (t: Partial<WindowTotals>): WindowTotals => ({ ...NOTHING, ...t });
const ratings = (reviews: number, positive: number, shown: (string | null)[]): RatingsFigures => ({
  reviews,
  positive,
  dsrShown: ['ITEM_AS_DESCRIBED', 'COMMUNICATION', 'SHIPPING_SPEED'].map((dimension, i) => ({
    dimension,
    shown: shown[i] == null ? null : parseDecimal(shown[i], 4),
  })),
});

describe('CMP-1: the SLA score', () => {
  it('CMP-1: each part is linear between its best and worst value, clamped, weighted 15/15/15/20/20/15', () => {
    const score = slaScore(
      totals({
        orders: 100,
        disputed: 2,
        sellerCancelled: 10,
        shipped: 100,
        abnormal: 5,
        onTime: 90,
        late: 10,
      }),
      ratings(50, 48, ['4.5000', '4.5000', '4.5000']),
      DEFAULT_SLA_PARTS,
    );
    expect(score.parts).toEqual([
      // 2% of 6.4% lost: 68.75
      { metric: 'DISPUTE_RATE', value: '0.020000', subScore: '68.75', weight: 15, contribution: '10.31' },
      // 10% is past the worst (5%): 0
      { metric: 'CANCELLATION_RATE', value: '0.100000', subScore: '0.00', weight: 15, contribution: '0.00' },
      {
        metric: 'ABNORMAL_LOGISTICS_RATE',
        value: '0.050000',
        subScore: '50.00',
        weight: 15,
        contribution: '7.50',
      },
      {
        metric: 'ON_TIME_SHIPMENT_RATE',
        value: '0.900000',
        subScore: '50.00',
        weight: 20,
        contribution: '10.00',
      },
      { metric: 'DSR_MEAN', value: '4.500000', subScore: '50.00', weight: 20, contribution: '10.00' },
      // 96% of 100..89%: 63.64
      { metric: 'POSITIVE_RATE', value: '0.960000', subScore: '63.64', weight: 15, contribution: '9.55' },
    ]);
    // Σ weight × sub-score / 100 = (1031.25 + 0 + 750 + 1000 + 1000 + 954.6) / 100
    expect(score.score).toBe(4736n);
  });

  it('CMP-1: a sub-score is rounded once, from the exact rate (1 of 47 is 66.76, not 66.75 from 0.021277)', () => {
    const score = slaScore(totals({ orders: 47, disputed: 1 }), NO_RATINGS, DEFAULT_SLA_PARTS);
    expect(score.parts[0]).toMatchObject({ metric: 'DISPUTE_RATE', value: '0.021277', subScore: '66.76' });
  });

  it('CMP-1: the dispute, cancellation and abnormal-logistics parts weigh 45 together by default', () => {
    const weights = DEFAULT_SLA_PARTS.filter((p) =>
      ['DISPUTE_RATE', 'CANCELLATION_RATE', 'ABNORMAL_LOGISTICS_RATE'].includes(p.metric),
    ).reduce((w, p) => w + p.weight, 0);
    expect(weights).toBe(45);
    expect(DEFAULT_SLA_PARTS.reduce((w, p) => w + p.weight, 0)).toBe(100);
  });

  it('CMP-1: a store with no orders in the window is not rated', () => {
    const score = slaScore(NOTHING, ratings(10, 10, ['5.0000', '5.0000', '5.0000']), DEFAULT_SLA_PARTS);
    expect(score.score).toBeNull();
    expect(score.parts.every((p) => p.contribution === null)).toBe(true);
  });

  it('CMP-1: a part with nothing to rate (no reviews) neither helps nor hurts: the rated weights carry the score', () => {
    const score = slaScore(totals({ orders: 10, shipped: 10, onTime: 10 }), NO_RATINGS, DEFAULT_SLA_PARTS);
    expect(score.parts.find((p) => p.metric === 'DSR_MEAN')).toMatchObject({ value: null, subScore: null });
    expect(score.score).toBe(10_000n);
  });
});

describe('CMP-2: downgrade warnings', () => {
  const held = (t: Partial<WindowTotals>, r: RatingsFigures = NO_RATINGS) =>
    downgradeWarnings(totals(t), r, DEFAULT_DOWNGRADE_BARS)
      .filter((w) => w.holds)
      .map((w) => w.warning);

  it('CMP-2: the dispute rate warns above 3.2%, exactly (not at 3.2%)', () => {
    expect(held({ orders: 125, disputed: 4 })).toEqual([]); // 3.2%
    expect(held({ orders: 124, disputed: 4 })).toEqual(['DISPUTE_RATE']); // 3.2258%
  });

  it('CMP-2: the share of orders shipped after more than 72 hours warns above 15%', () => {
    expect(held({ orders: 20, slow: 3 })).toEqual([]);
    expect(held({ orders: 19, slow: 3 })).toEqual(['SLOW_FULFILLMENT_SHARE']);
  });

  it('CMP-2: the positive rate warns below 94.5%; no reviews is not rated, not a warning', () => {
    expect(held({}, ratings(200, 189, []))).toEqual([]); // 94.5%
    expect(held({}, ratings(200, 188, []))).toEqual(['POSITIVE_RATE']);
    expect(held({}, NO_RATINGS)).toEqual([]);
  });

  it('CMP-2: each warning names its risk type (15, 16, 17)', () => {
    expect(downgradeWarnings(NOTHING, NO_RATINGS, DEFAULT_DOWNGRADE_BARS).map((w) => w.riskCode)).toEqual([
      'SLOW_FULFILLMENT_SHARE_HIGH',
      'DISPUTE_RATE_HIGH',
      'DSR_BELOW_CAMPAIGN_BAR',
    ]);
  });
});

describe('CMP-3: campaign gating', () => {
  it('CMP-3: every DSR dimension under 4.7 is a reason; 4.7 itself passes', () => {
    const gate = campaignEligibility(ratings(10, 10, ['4.7000', '4.6999', '4.1000']), false, 47_000n);
    expect(gate.eligible).toBe(false);
    expect(gate.reasons.map((r) => [r.code, r.dimension, r.value])).toEqual([
      ['DSR_BELOW_BAR', 'COMMUNICATION', '4.6999'],
      ['DSR_BELOW_BAR', 'SHIPPING_SPEED', '4.1000'],
    ]);
  });

  it('CMP-3: a store with no reviews in the window is not gated by DSR; a closed account never passes', () => {
    expect(campaignEligibility(ratings(0, 0, [null, null, null]), false, 47_000n)).toEqual({
      eligible: true,
      reasons: [],
    });
    expect(campaignEligibility(NO_RATINGS, true, 47_000n).reasons.map((r) => r.code)).toEqual([
      'ACCOUNT_CLOSED',
    ]);
  });
});

describe('ANA-1: the core metrics from counts', () => {
  it('ANA-1: rates are exact six-place fractions, not rated with a zero denominator; money per currency', () => {
    const m = tradeMetrics(
      totals({
        orders: 3,
        sellerCancelled: 1,
        shipped: 2,
        shipSeconds: 7201,
        onTime: 1,
        late: 1,
        reviews: 0,
      }),
      [
        { currency: 'USD', orders: 2, minor: 1001n, usd: 1001n },
        { currency: 'EUR', orders: 1, minor: 500n, usd: null },
      ],
    );
    expect(m).toMatchObject({
      orders: 3,
      gmv: [
        { currency: 'EUR', minor: '500' },
        { currency: 'USD', minor: '1001' },
      ],
      gmvUsdMinor: null,
      averageOrderValue: [
        { currency: 'EUR', minor: '500' },
        { currency: 'USD', minor: '501' },
      ],
      cancellationRate: '0.333333',
      onTimeShipmentRate: '0.500000',
      averageShipSeconds: 3601,
      positiveRate: null,
      dsr: { itemAsDescribed: null, communication: null, shippingSpeed: null },
      averagePayoutCycleSeconds: null,
    });
  });
});
