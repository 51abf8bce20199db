import { TendencySignal } from './tendency-types';

/** REV-6: the tunable numbers of the score; configuration (tendency.config.ts) fills them from the environment. */
export interface ReviewTendencyPolicy {
  /** The most points each signal can add; 0 switches a signal off. */
  weights: Record<TendencySignal, number>;
  /** A score at or above this flags the order NEGATIVE_REVIEW_TENDENCY (1..100). */
  flagScore: number;
  buyer: {
    /** How far back the buyer's reviews (all stores) are counted. */
    windowDays: number;
    /** Fewest low ratings (overall 1-2) before a buyer's history counts. */
    minLowRatings: number;
    /** Fewest low ratings / reviews, 0..1. */
    minLowRate: number;
  };
}

/**
 * Defaults, and why:
 *
 * - Each order-side signal alone stays below the flag (50): a missed deadline (30), a silent parcel
 *   (35), an open refund request (40) or a habitual low rater (28-40) each happen on many orders that
 *   end with a fair review, and a flag on every one of them would bury the few that matter. Any two
 *   of them together pass it (the lowest pair, late + a low rater at the minimum, is 58): when the
 *   buyer's experience went wrong twice, or went wrong for a buyer who rates low, a negative review
 *   is the likely end and the seller still has time to write, refund or reship.
 * - The weights order the list within the flag: an open refund request says the buyer is unhappy
 *   already (40); stalled tracking is what "where is my parcel" reviews are made of (35, as DSP-5
 *   weighs it); a late shipment the buyer may not even notice if the parcel then moves (30).
 * - A buyer counts as a low rater from 2 low ratings making at least 30% of their reviews, the same
 *   count-and-rate rule as DSP-5's serial returner: one low rating is chance, and the marketplace's
 *   positive-rate bar (CMP-2, 94.5%) puts an ordinary buyer's low share at about 5%, so 30% is six
 *   times that. The window is a year (365 days): buyers review a few times a year, and a 90-day
 *   window would see too few reviews to tell a habit from an accident.
 */
export const DEFAULT_TENDENCY_POLICY: ReviewTendencyPolicy = Object.freeze({
  weights: Object.freeze({
    LATE_SHIPMENT: 30,
    LOGISTICS_STALLED: 35,
    OPEN_ISSUE: 40,
    BUYER_LOW_RATINGS: 40,
  }),
  flagScore: 50,
  buyer: Object.freeze({ windowDays: 365, minLowRatings: 2, minLowRate: 0.3 }),
});
