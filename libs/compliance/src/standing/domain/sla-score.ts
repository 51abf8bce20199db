import type { SlaScorePartV1 } from '../../contract/events';
import { divRound, formatDecimal, MILLION } from './exact';
import type { RatingsFigures } from './ratings-figures';
import type { WindowTotals } from './window-totals';

export const SLA_METRICS = [
  'DISPUTE_RATE',
  'CANCELLATION_RATE',
  'ABNORMAL_LOGISTICS_RATE',
  'ON_TIME_SHIPMENT_RATE',
  'DSR_MEAN',
  'POSITIVE_RATE',
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** CMP-1: one part's weight and the values (in millionths) that score 100 and 0. */
export interface SlaPartPolicy {
  metric: SlaMetric;
  weight: number;
  best: bigint;
  worst: bigint;
}

/** RULES, Clarifications (CMP-1 normalisation): the defaults. */
export const DEFAULT_SLA_PARTS: readonly SlaPartPolicy[] = [
  { metric: 'DISPUTE_RATE', weight: 15, best: 0n, worst: 64_000n },
  { metric: 'CANCELLATION_RATE', weight: 15, best: 0n, worst: 50_000n },
  { metric: 'ABNORMAL_LOGISTICS_RATE', weight: 15, best: 0n, worst: 100_000n },
  { metric: 'ON_TIME_SHIPMENT_RATE', weight: 20, best: MILLION, worst: 800_000n },
  { metric: 'DSR_MEAN', weight: 20, best: 5n * MILLION, worst: 4n * MILLION },
  { metric: 'POSITIVE_RATE', weight: 15, best: MILLION, worst: 890_000n },
];

export interface SlaScore {
  /** Hundredths, 0..10000; null: no orders in the window ("not rated"). */
  score: bigint | null;
  parts: SlaScorePartV1[];
}

/** A value in millionths as an exact fraction (num / den), so a sub-score is rounded once. */
interface Exact {
  num: bigint;
  den: bigint;
}

const fraction = (n: number, d: number): Exact | null =>
  d > 0 ? { num: BigInt(n) * MILLION, den: BigInt(d) } : null;

/** The part's value over the window; null when its denominator is zero. */
function partValue(metric: SlaMetric, t: WindowTotals, r: RatingsFigures): Exact | null {
  switch (metric) {
    case 'DISPUTE_RATE':
      return fraction(t.disputed, t.orders);
    case 'CANCELLATION_RATE':
      return fraction(t.sellerCancelled, t.orders);
    case 'ABNORMAL_LOGISTICS_RATE':
      return fraction(t.abnormal, t.shipped);
    case 'ON_TIME_SHIPMENT_RATE':
      return fraction(t.onTime, t.onTime + t.late);
    case 'POSITIVE_RATE':
      return fraction(r.positive, r.reviews);
    case 'DSR_MEAN': {
      const shown = r.dsrShown.map((d) => d.shown);
      if (shown.length === 0 || shown.some((v) => v === null)) return null;
      // Ten-thousandths to millionths; the mean of the dimensions.
      return { num: (shown as bigint[]).reduce((a, b) => a + b * 100n, 0n), den: BigInt(shown.length) };
    }
  }
}

/** Linear between best (100) and worst (0), clamped; hundredths, rounded once from the exact value. */
function subScore(value: Exact, best: bigint, worst: bigint): bigint {
  // Both run the same way whichever side is better (a rate to keep low, or one to keep high).
  const towardWorst = worst > best ? value.num - best * value.den : best * value.den - value.num;
  const range = (worst > best ? worst - best : best - worst) * value.den;
  if (towardWorst <= 0n) return 10_000n;
  if (towardWorst >= range) return 0n;
  return 10_000n - divRound(towardWorst * 10_000n, range);
}

/**
 * CMP-1: Σ weight × sub-score over the parts that are rated, over the weights of those parts (a
 * part with nothing to rate, e.g. no reviews yet, neither helps nor hurts). Every part is returned
 * with its value, sub-score, weight and contribution, so the seller sees why.
 */
export function slaScore(t: WindowTotals, r: RatingsFigures, policy: readonly SlaPartPolicy[]): SlaScore {
  const scored = policy.map((p) => {
    const value = partValue(p.metric, t, r);
    return { p, value, sub: value === null ? null : subScore(value, p.best, p.worst) };
  });
  const ratedWeight = scored.reduce((w, s) => w + (s.sub === null ? 0 : s.p.weight), 0);
  const notRated = t.orders === 0 || ratedWeight === 0;
  const total = scored.reduce((sum, s) => sum + (s.sub === null ? 0n : BigInt(s.p.weight) * s.sub), 0n);
  const score = notRated ? null : divRound(total, BigInt(ratedWeight));
  const contributions =
    score === null
      ? scored.map(() => null)
      : apportion(
          scored.map((s) => (s.sub === null ? null : BigInt(s.p.weight) * s.sub)),
          BigInt(ratedWeight),
          score,
        );
  return {
    score,
    parts: scored.map((s, i) => {
      const c = contributions[i];
      return {
        metric: s.p.metric,
        value: s.value === null ? null : formatDecimal(divRound(s.value.num, s.value.den), 6),
        subScore: s.sub === null ? null : formatDecimal(s.sub, 2),
        weight: s.p.weight,
        contribution: c === null ? null : formatDecimal(c, 2),
      };
    }),
  };
}

/**
 * Each part's contribution (numerator / den, in hundredths) rounded so that they add up to the
 * score exactly: every part gets its floor, and the hundredths the score has over their sum go to
 * the largest remainders (ties to the earlier part). Rounding each part alone could be 0.01 off.
 */
function apportion(numerators: (bigint | null)[], den: bigint, score: bigint): (bigint | null)[] {
  const floors = numerators.map((n) => (n === null ? null : n / den));
  let left = score - floors.reduce<bigint>((sum, f) => sum + (f ?? 0n), 0n);
  const byRemainder = numerators
    .map((n, i) => ({ i, rest: n === null ? -1n : n % den }))
    .filter((r) => r.rest >= 0n)
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left <= 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors;
}
