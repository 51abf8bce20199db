import fc from 'fast-check';
import { assessReviewTendency } from './assess-review-tendency';
import { DEFAULT_TENDENCY_POLICY, ReviewTendencyPolicy } from './tendency-policy';
import { TENDENCY_SIGNALS, TendencyInputs } from './tendency-types';

const policy = DEFAULT_TENDENCY_POLICY;
const W = policy.weights;

const calm: TendencyInputs = {
  lateShipment: false,
  logisticsStalled: false,
  openIssue: false,
  buyer: { reviews: 8, lowRatings: 1 },
};
const score = (inputs: Partial<TendencyInputs>, p: ReviewTendencyPolicy = policy) =>
  assessReviewTendency({ ...calm, ...inputs }, p).score;

describe('assessReviewTendency', () => {
  it('REV-6: an open order with no signal scores 0, unflagged, with no reason', () => {
    expect(assessReviewTendency(calm, policy)).toEqual({ score: 0, flagged: false, reasons: [] });
  });

  it('REV-6: each order signal adds its whole weight, with a reason in words a seller understands', () => {
    expect(assessReviewTendency({ ...calm, lateShipment: true }, policy)).toEqual({
      score: W.LATE_SHIPMENT,
      flagged: false,
      reasons: [
        {
          signal: 'LATE_SHIPMENT',
          code: 'LATE_SHIPMENT',
          message: 'The order was not shipped by its ship-by deadline',
          points: W.LATE_SHIPMENT,
        },
      ],
    });
    expect(assessReviewTendency({ ...calm, logisticsStalled: true }, policy).reasons).toEqual([
      expect.objectContaining({ signal: 'LOGISTICS_STALLED', points: W.LOGISTICS_STALLED }),
    ]);
    expect(assessReviewTendency({ ...calm, openIssue: true }, policy).reasons).toEqual([
      expect.objectContaining({
        signal: 'OPEN_ISSUE',
        code: 'OPEN_REFUND_REQUEST',
        message: 'The buyer has an open refund or return request on this order',
        points: W.OPEN_ISSUE,
      }),
    ]);
  });

  it("REV-6: the buyer's past low ratings count from 2 low ratings making 30% of their reviews; points grow with the share", () => {
    const buyer = (reviews: number, lowRatings: number) => score({ buyer: { reviews, lowRatings } });
    expect(buyer(0, 0)).toBe(0);
    expect(buyer(1, 1)).toBe(0); // one low rating is chance
    expect(buyer(10, 2)).toBe(0); // 20%: below the share
    const third = buyer(10, 3); // 30%: the minimum
    const most = buyer(10, 8);
    expect(third).toBe(Math.round(W.BUYER_LOW_RATINGS * 0.7));
    expect(most).toBeGreaterThan(third);
    expect(buyer(4, 4)).toBe(W.BUYER_LOW_RATINGS);
    expect(buyer(2, 5)).toBe(W.BUYER_LOW_RATINGS); // more low ratings than reviews: the share stops at 100%
    expect(assessReviewTendency({ ...calm, buyer: { reviews: 5, lowRatings: 3 } }, policy).reasons).toEqual([
      {
        signal: 'BUYER_LOW_RATINGS',
        code: 'BUYER_LOW_RATINGS',
        message: 'The buyer gave 1 or 2 stars in 3 of their 5 reviews on tradehub in the last 365 days (60%)',
        points: expect.any(Number),
      },
    ]);
  });

  it('REV-6: with the default policy no signal alone flags the order, any two do', () => {
    const one: Partial<TendencyInputs>[] = [
      { lateShipment: true },
      { logisticsStalled: true },
      { openIssue: true },
      { buyer: { reviews: 4, lowRatings: 4 } },
    ];
    for (const a of one) expect(assessReviewTendency({ ...calm, ...a }, policy).flagged).toBe(false);
    const weakest = { buyer: { reviews: 10, lowRatings: 3 } };
    for (const [i, a] of [...one.slice(0, 3), weakest].entries())
      for (const b of [...one.slice(0, 3), weakest].slice(i + 1))
        expect({ a, b, flagged: assessReviewTendency({ ...calm, ...a, ...b }, policy).flagged }).toEqual({
          a,
          b,
          flagged: true,
        });
  });

  it('REV-6: reasons come highest points first and the score stops at 100', () => {
    const all = assessReviewTendency(
      { lateShipment: true, logisticsStalled: true, openIssue: true, buyer: { reviews: 3, lowRatings: 3 } },
      policy,
    );
    expect(all.score).toBe(100);
    expect(all.flagged).toBe(true);
    expect(all.reasons.map((r) => r.signal)).toEqual([
      'OPEN_ISSUE',
      'BUYER_LOW_RATINGS',
      'LOGISTICS_STALLED',
      'LATE_SHIPMENT',
    ]);
  });

  it("REV-6: a weight of 0 switches its signal off; the flag score is the policy's", () => {
    const p: ReviewTendencyPolicy = { ...policy, weights: { ...W, LATE_SHIPMENT: 0 }, flagScore: 35 };
    expect(assessReviewTendency({ ...calm, lateShipment: true }, p)).toEqual({
      score: 0,
      flagged: false,
      reasons: [],
    });
    expect(assessReviewTendency({ ...calm, logisticsStalled: true }, p).flagged).toBe(true);
    expect(assessReviewTendency({ ...calm, logisticsStalled: true }, { ...p, flagScore: 36 }).flagged).toBe(
      false,
    );
  });

  const weight = fc.integer({ min: 0, max: 100 });
  const anyPolicy: fc.Arbitrary<ReviewTendencyPolicy> = fc.record({
    weights: fc.record({
      LATE_SHIPMENT: weight,
      LOGISTICS_STALLED: weight,
      OPEN_ISSUE: weight,
      BUYER_LOW_RATINGS: weight,
    }),
    flagScore: fc.integer({ min: 1, max: 100 }),
    buyer: fc.record({
      windowDays: fc.integer({ min: 1, max: 730 }),
      minLowRatings: fc.integer({ min: 1, max: 20 }),
      minLowRate: fc.integer({ min: 0, max: 100 }).map((pct) => pct / 100),
    }),
  });
  const anyInputs: fc.Arbitrary<TendencyInputs> = fc
    .record({
      lateShipment: fc.boolean(),
      logisticsStalled: fc.boolean(),
      openIssue: fc.boolean(),
      reviews: fc.integer({ min: 0, max: 200 }),
      low: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ reviews, low, ...flags }) => ({
      ...flags,
      buyer: { reviews, lowRatings: Math.min(low, reviews) },
    }));

  it('REV-6: the score is an integer within 0..100, flagged exactly at the flag score, and the reasons add up to it unless capped', () => {
    fc.assert(
      fc.property(anyInputs, anyPolicy, (inputs, p) => {
        const a = assessReviewTendency(inputs, p);
        const sum = a.reasons.reduce((s, r) => s + r.points, 0);
        expect(Number.isInteger(a.score)).toBe(true);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        expect(a.score).toBe(Math.min(100, sum));
        expect(a.flagged).toBe(a.score >= p.flagScore);
        for (const r of a.reasons) expect(TENDENCY_SIGNALS).toContain(r.signal);
      }),
      { numRuns: 500 },
    );
  });

  it('REV-6: adding a signal never lowers the score (a flag, or one more low-rated review of the buyer)', () => {
    const added = fc.constantFrom(
      'lateShipment',
      'logisticsStalled',
      'openIssue',
      'lowReview',
    ) as fc.Arbitrary<'lateShipment' | 'logisticsStalled' | 'openIssue' | 'lowReview'>;
    fc.assert(
      fc.property(anyInputs, anyPolicy, added, (inputs, p, signal) => {
        const more: TendencyInputs =
          signal === 'lowReview'
            ? {
                ...inputs,
                buyer: { reviews: inputs.buyer.reviews + 1, lowRatings: inputs.buyer.lowRatings + 1 },
              }
            : { ...inputs, [signal]: true };
        const before = assessReviewTendency(inputs, p);
        const after = assessReviewTendency(more, p);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        if (before.flagged) expect(after.flagged).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
