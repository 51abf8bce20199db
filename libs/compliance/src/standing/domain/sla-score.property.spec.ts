import fc from 'fast-check';
import { DEFAULT_SLA_PARTS, NOTHING, type RatingsFigures, slaScore, type WindowTotals } from '.';

/** "87.50" -> 8750n: the contract's two-place decimals back to hundredths. */
const hundredths = (text: string): bigint => BigInt(text.replace('.', ''));

/** A window of orders and reviews with every count inside its denominator. */
const window = fc
  .record({
    orders: fc.integer({ min: 1, max: 5000 }),
    disputedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    cancelledShare: fc.double({ min: 0, max: 1, noNaN: true }),
    shipped: fc.integer({ min: 0, max: 5000 }),
    abnormalShare: fc.double({ min: 0, max: 1, noNaN: true }),
    onTime: fc.integer({ min: 0, max: 5000 }),
    late: fc.integer({ min: 0, max: 5000 }),
    reviews: fc.integer({ min: 0, max: 3000 }),
    positiveShare: fc.double({ min: 0, max: 1, noNaN: true }),
    dsr: fc.array(fc.option(fc.integer({ min: 10_000, max: 50_000 }), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map((w) => {
    const totals: WindowTotals = {
      ...NOTHING,
      orders: w.orders,
      disputed: Math.floor(w.orders * w.disputedShare),
      sellerCancelled: Math.floor(w.orders * w.cancelledShare),
      shipped: w.shipped,
      abnormal: Math.floor(w.shipped * w.abnormalShare),
      onTime: w.onTime,
      late: w.late,
    };
    const ratings: RatingsFigures = {
      reviews: w.reviews,
      positive: Math.floor(w.reviews * w.positiveShare),
      dsrShown: ['ITEM_AS_DESCRIBED', 'COMMUNICATION', 'SHIPPING_SPEED'].map((dimension, i) => ({
        dimension,
        shown: w.reviews === 0 || w.dsr[i] == null ? null : BigInt(w.dsr[i]),
      })),
    };
    return { totals, ratings };
  });

describe('CMP-1: the SLA score, for any window (property)', () => {
  it('CMP-1: the parts shown add up to the score exactly, to the hundredth', () => {
    fc.assert(
      fc.property(window, ({ totals, ratings }) => {
        const { score, parts } = slaScore(totals, ratings, DEFAULT_SLA_PARTS);
        if (score === null) return;
        const sum = parts.reduce(
          (s, p) => s + (p.contribution === null ? 0n : hundredths(p.contribution)),
          0n,
        );
        expect(sum).toBe(score);
        expect(score >= 0n && score <= 10_000n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('CMP-1: the score never rises when a bad-rate input rises with the rest held', () => {
    const worse = fc.constantFrom('disputed', 'sellerCancelled', 'abnormal', 'late', 'positive', 'dsr');
    fc.assert(
      fc.property(window, worse, fc.integer({ min: 1, max: 500 }), ({ totals, ratings }, what, step) => {
        const before = slaScore(totals, ratings, DEFAULT_SLA_PARTS).score;
        let t = totals;
        let r = ratings;
        if (what === 'disputed') t = { ...t, disputed: Math.min(t.orders, t.disputed + step) };
        if (what === 'sellerCancelled')
          t = { ...t, sellerCancelled: Math.min(t.orders, t.sellerCancelled + step) };
        if (what === 'abnormal') t = { ...t, abnormal: Math.min(t.shipped, t.abnormal + step) };
        // More late shipments among the same on-time ones: the on-time rate falls.
        if (what === 'late' && t.onTime + t.late > 0) t = { ...t, late: t.late + step };
        if (what === 'positive') r = { ...r, positive: Math.max(0, r.positive - step) };
        if (what === 'dsr')
          r = {
            ...r,
            dsrShown: r.dsrShown.map((d, i) =>
              i === 0 && d.shown !== null ? { ...d, shown: d.shown - BigInt(Math.min(step, 5)) } : d,
            ),
          };
        const after = slaScore(t, r, DEFAULT_SLA_PARTS).score;
        if (before === null) expect(after).toBeNull();
        else expect(after! <= before).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
