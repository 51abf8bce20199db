import { ReviewTendencyPolicy } from './tendency-policy';
import {
  BuyerRatingHistory,
  TendencyAssessment,
  TendencyInputs,
  TendencyReason,
  TendencySignal,
} from './tendency-types';

/** At the policy's minimum low-rating share a low rater is worth this share of the weight; the rest grows with the share. */
const BASE_SHARE = 0.7;

/**
 * REV-6: the negative-review tendency (差评倾向) of an open order. Each signal adds at most its
 * weight; the score is the sum, capped at 100, with every reason that made it (highest first) so the
 * seller sees why. The order is flagged at or above the policy's flag score. Pure: the same inputs
 * and policy always give the same assessment, so an order is scored again whenever a signal changes.
 */
export function assessReviewTendency(
  inputs: TendencyInputs,
  policy: ReviewTendencyPolicy,
): TendencyAssessment {
  const { weights } = policy;
  const reason = (signal: TendencySignal, code: string, message: string, share = 1): TendencyReason[] =>
    weights[signal] > 0 ? [{ signal, code, message, points: Math.round(weights[signal] * share) }] : [];
  const reasons: TendencyReason[] = [];
  if (inputs.openIssue)
    reasons.push(
      ...reason(
        'OPEN_ISSUE',
        'OPEN_REFUND_REQUEST',
        'The buyer has an open refund or return request on this order',
      ),
    );
  if (inputs.logisticsStalled)
    reasons.push(
      ...reason(
        'LOGISTICS_STALLED',
        'LOGISTICS_STALLED',
        'The parcel has no recent tracking update: the buyer cannot see it moving',
      ),
    );
  if (inputs.lateShipment)
    reasons.push(
      ...reason('LATE_SHIPMENT', 'LATE_SHIPMENT', 'The order was not shipped by its ship-by deadline'),
    );
  const lowRater = lowRaterShare(inputs.buyer, policy.buyer);
  if (lowRater)
    reasons.push(...reason('BUYER_LOW_RATINGS', 'BUYER_LOW_RATINGS', lowRater.message, lowRater.share));
  // Stable sort: equal points keep the order above.
  reasons.sort((a, b) => b.points - a.points);
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  return { score, flagged: score >= policy.flagScore, reasons };
}

/**
 * A buyer whose reviews across tradehub are often low (overall 1-2). Both a count and a share are
 * needed: one low rating out of two reviews is chance. Low ratings above the reviews are taken as
 * the reviews (bad data never gives a share above 100%).
 */
function lowRaterShare(
  history: BuyerRatingHistory,
  rule: ReviewTendencyPolicy['buyer'],
): { share: number; message: string } | null {
  const reviews = Math.max(0, Math.floor(history.reviews));
  const low = Math.min(reviews, Math.max(0, Math.floor(history.lowRatings)));
  if (reviews === 0 || low < rule.minLowRatings) return null;
  const rate = low / reviews;
  if (rate < rule.minLowRate) return null;
  const above = rule.minLowRate >= 1 ? 1 : (rate - rule.minLowRate) / (1 - rule.minLowRate);
  return {
    share: BASE_SHARE + (1 - BASE_SHARE) * Math.min(1, Math.max(0, above)),
    message:
      `The buyer gave 1 or 2 stars in ${low} of their ${reviews} review${reviews === 1 ? '' : 's'} ` +
      `on tradehub in the last ${rule.windowDays} days (${Math.round(rate * 100)}%)`,
  };
}
