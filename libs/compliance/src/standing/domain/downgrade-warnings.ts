import type { DowngradeWarningCode } from '../../contract/events';
import { ratio } from '@tradehub/kernel';
import { above, below, formatDecimal } from './exact';
import type { RatingsFigures } from './ratings-figures';
import type { WindowTotals } from './window-totals';

/** CMP-2's bars, in millionths. */
export interface DowngradeBars {
  slowFulfillmentShare: bigint;
  disputeRate: bigint;
  positiveRate: bigint;
}

export const DEFAULT_DOWNGRADE_BARS: DowngradeBars = {
  slowFulfillmentShare: 150_000n,
  disputeRate: 32_000n,
  positiveRate: 945_000n,
};

/** One bar's reading over the window: its value (null: not rated) and whether the warning holds. */
export interface WarningReading {
  warning: DowngradeWarningCode;
  /** Six places; null when the metric is not rated (then the warning does not hold). */
  value: string | null;
  bar: string;
  above: boolean;
  holds: boolean;
  /** The risk type the warning raises on the board. */
  riskCode: string;
}

function reading(
  warning: DowngradeWarningCode,
  riskCode: string,
  n: number,
  d: number,
  bar: bigint,
  isAbove: boolean,
): WarningReading {
  const value = ratio(n, d);
  return {
    warning,
    riskCode,
    value,
    bar: formatDecimal(bar, 6),
    above: isAbove,
    // Compared exactly on the counts: 3.2% is not crossed by 0.0320004 rounding down.
    holds: d > 0 && (isAbove ? above(n, d, bar) : below(n, d, bar)),
  };
}

/**
 * CMP-2: over the window, the share of orders shipped more than 72 h after payment above 15%, the
 * dispute rate above 3.2%, the positive rate below 94.5% (risk types 16, 15 and 17).
 */
export function downgradeWarnings(t: WindowTotals, r: RatingsFigures, bars: DowngradeBars): WarningReading[] {
  return [
    reading(
      'SLOW_FULFILLMENT_SHARE',
      'SLOW_FULFILLMENT_SHARE_HIGH',
      t.slow,
      t.orders,
      bars.slowFulfillmentShare,
      true,
    ),
    reading('DISPUTE_RATE', 'DISPUTE_RATE_HIGH', t.disputed, t.orders, bars.disputeRate, true),
    reading('POSITIVE_RATE', 'DSR_BELOW_CAMPAIGN_BAR', r.positive, r.reviews, bars.positiveRate, false),
  ];
}
