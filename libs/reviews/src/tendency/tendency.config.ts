import { Provider } from '@nestjs/common';
import { APP_ENV, type Env, int } from '@tradehub/platform';
import { DEFAULT_TENDENCY_POLICY, type ReviewTendencyPolicy } from './domain';

/** REV-6: the negative-review tendency's policy, read once from the environment. */
export const TENDENCY_POLICY = Symbol('ReviewTendencyPolicy');

const D = DEFAULT_TENDENCY_POLICY;

/** The settings, their defaults and meaning: the README's table is written from these rows. */
export const TENDENCY_SETTINGS: readonly { name: string; default: string; meaning: string }[] = [
  {
    name: 'REVIEW_TENDENCY_WEIGHT_LATE_SHIPMENT',
    default: String(D.weights.LATE_SHIPMENT),
    meaning: 'REV-6 points a missed ship-by deadline (ORD-2) adds (0-100; 0 switches the signal off)',
  },
  {
    name: 'REVIEW_TENDENCY_WEIGHT_LOGISTICS_STALLED',
    default: String(D.weights.LOGISTICS_STALLED),
    meaning:
      'REV-6 points a package with no first scan, stalled or abnormal tracking (FUL-3, FUL-4) adds (0-100)',
  },
  {
    name: 'REVIEW_TENDENCY_WEIGHT_OPEN_ISSUE',
    default: String(D.weights.OPEN_ISSUE),
    meaning: 'REV-6 points an open refund or return request, or its arbitration (DSP-1..4), adds (0-100)',
  },
  {
    name: 'REVIEW_TENDENCY_WEIGHT_BUYER_LOW_RATINGS',
    default: String(D.weights.BUYER_LOW_RATINGS),
    meaning: "REV-6 most points the buyer's past low ratings (overall 1-2, all stores) add (0-100)",
  },
  {
    name: 'REVIEW_TENDENCY_FLAG_SCORE',
    default: String(D.flagScore),
    meaning: 'REV-6 score from which an open order is flagged NEGATIVE_REVIEW_TENDENCY and listed (1-100)',
  },
  {
    name: 'REVIEW_TENDENCY_BUYER_WINDOW_DAYS',
    default: String(D.buyer.windowDays),
    meaning: "REV-6 days of the buyer's reviews (all stores) the low-rating signal looks back over (1-730)",
  },
  {
    name: 'REVIEW_TENDENCY_BUYER_MIN_LOW_RATINGS',
    default: String(D.buyer.minLowRatings),
    meaning: 'REV-6 fewest low ratings in the window before the buyer counts as a low rater (1-1000)',
  },
  {
    name: 'REVIEW_TENDENCY_BUYER_MIN_LOW_RATE_PCT',
    default: String(Math.round(D.buyer.minLowRate * 100)),
    meaning: "REV-6 lowest share of the buyer's reviews in the window rated 1-2, in percent (0-100)",
  },
];

/** REV-6: the policy from the environment; every value is range-checked and a bad one is refused by its name. */
export function loadTendencyPolicy(env: Env): ReviewTendencyPolicy {
  const weight = (name: string, fallback: number) => int(env, name, fallback, 0, 100);
  return {
    weights: {
      LATE_SHIPMENT: weight('REVIEW_TENDENCY_WEIGHT_LATE_SHIPMENT', D.weights.LATE_SHIPMENT),
      LOGISTICS_STALLED: weight('REVIEW_TENDENCY_WEIGHT_LOGISTICS_STALLED', D.weights.LOGISTICS_STALLED),
      OPEN_ISSUE: weight('REVIEW_TENDENCY_WEIGHT_OPEN_ISSUE', D.weights.OPEN_ISSUE),
      BUYER_LOW_RATINGS: weight('REVIEW_TENDENCY_WEIGHT_BUYER_LOW_RATINGS', D.weights.BUYER_LOW_RATINGS),
    },
    // 0 would flag every open order, even one without a single reason.
    flagScore: int(env, 'REVIEW_TENDENCY_FLAG_SCORE', D.flagScore, 1, 100),
    buyer: {
      windowDays: int(env, 'REVIEW_TENDENCY_BUYER_WINDOW_DAYS', D.buyer.windowDays, 1, 730),
      minLowRatings: int(env, 'REVIEW_TENDENCY_BUYER_MIN_LOW_RATINGS', D.buyer.minLowRatings, 1, 1000),
      minLowRate:
        int(env, 'REVIEW_TENDENCY_BUYER_MIN_LOW_RATE_PCT', Math.round(D.buyer.minLowRate * 100), 0, 100) /
        100,
    },
  };
}

export const tendencyConfig: Provider[] = [
  { provide: TENDENCY_POLICY, inject: [APP_ENV], useFactory: loadTendencyPolicy },
];
