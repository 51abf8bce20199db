/**
 * REV-6: the shapes of the negative-review tendency (差评倾向). Pure data, so the score is the same
 * wherever it is computed (the order view, the board, a re-score after the buyer's next review).
 */

/** The signals the score is made of; together they raise risk type 14, NEGATIVE_REVIEW_TENDENCY. */
export type TendencySignal = 'LATE_SHIPMENT' | 'LOGISTICS_STALLED' | 'OPEN_ISSUE' | 'BUYER_LOW_RATINGS';

export const TENDENCY_SIGNALS: readonly TendencySignal[] = Object.freeze([
  'LATE_SHIPMENT',
  'LOGISTICS_STALLED',
  'OPEN_ISSUE',
  'BUYER_LOW_RATINGS',
]);

/** CMP-5: the risk type this score raises (number 14 of the rulebook's table). */
export const NEGATIVE_REVIEW_TENDENCY = 'NEGATIVE_REVIEW_TENDENCY';

/**
 * The buyer's reviews across every store of tradehub in the policy's window, and how many of them
 * had an overall rating of 1 or 2 (a low rating).
 */
export interface BuyerRatingHistory {
  reviews: number;
  lowRatings: number;
}

export interface TendencyInputs {
  /** ORD-2: the ship-by deadline was missed. */
  lateShipment: boolean;
  /** FUL-3 / FUL-4: no first scan after pickup, or tracking stalled in transit (abnormal logistics). */
  logisticsStalled: boolean;
  /** DSP-1..4: a refund or return request (or its arbitration) is open on the order. */
  openIssue: boolean;
  buyer: BuyerRatingHistory;
}

/** One reason behind a score, in words a seller understands; `points` is what it added. */
export interface TendencyReason {
  signal: TendencySignal;
  code: string;
  message: string;
  points: number;
}

export interface TendencyAssessment {
  /** Integer 0..100. */
  score: number;
  /** At or above the policy's flag score: NEGATIVE_REVIEW_TENDENCY is raised while the order is open. */
  flagged: boolean;
  /** Highest points first. */
  reasons: TendencyReason[];
}
