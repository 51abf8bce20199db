import type { IneligibilityReasonV1 } from '../../contract/events';
import { formatDecimal } from './exact';
import type { RatingsFigures } from './ratings-figures';

export interface CampaignEligibility {
  eligible: boolean;
  reasons: IneligibilityReasonV1[];
}

/**
 * CMP-3 (with Clarifications): every DSR dimension shown for the store must be at least the bar
 * (ten-thousandths; a dimension with no reviews in the window does not gate), and a closed account
 * (CMP-4) is never eligible. Every reason is listed, not just the first.
 */
export function campaignEligibility(
  ratings: RatingsFigures,
  accountClosed: boolean,
  dsrBar: bigint,
): CampaignEligibility {
  const reasons: IneligibilityReasonV1[] = [];
  if (accountClosed)
    reasons.push({ code: 'ACCOUNT_CLOSED', message: 'The seller account is closed (CMP-4).' });
  for (const { dimension, shown } of ratings.dsrShown)
    if (shown !== null && shown < dsrBar)
      reasons.push({
        code: 'DSR_BELOW_BAR',
        dimension,
        value: formatDecimal(shown, 4),
        bar: formatDecimal(dsrBar, 4),
        message: `DSR ${dimension} ${formatDecimal(shown, 4)} is below ${formatDecimal(dsrBar, 4)}.`,
      });
  return { eligible: reasons.length === 0, reasons };
}
