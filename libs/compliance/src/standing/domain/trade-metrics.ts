import { ratio } from '@tradehub/kernel';
import { divRound, formatDecimal } from './exact';
import type { WindowTotals } from './window-totals';

/** Money as the API shows it: integer minor units as a decimal string. */
export interface MinorAmount {
  currency: string;
  minor: string;
}

/** ANA-1's 12 core metrics (and SET-7's payout cycle) of a window or a day. Rates: six places; null = not rated. */
export interface TradeMetrics {
  orders: number;
  gmv: MinorAmount[];
  /** All GMV in USD minor units at each day's stored rate; null when a rate is missing for some of it. */
  gmvUsdMinor: string | null;
  /** Per currency: GMV / orders in that currency, half up to the minor unit. */
  averageOrderValue: MinorAmount[];
  cancellationRate: string | null;
  refundRate: string | null;
  disputeRate: string | null;
  onTimeShipmentRate: string | null;
  /** Payment to first shipment, mean, in seconds (null: nothing shipped). */
  averageShipSeconds: number | null;
  slowFulfillmentShare: string | null;
  abnormalLogisticsRate: string | null;
  positiveRate: string | null;
  /** REV-4 raw means over the window's reviews, four places. */
  dsr: { itemAsDescribed: string | null; communication: string | null; shippingSpeed: string | null };
  /** SET-7: delivery to release, mean, in seconds. */
  averagePayoutCycleSeconds: number | null;
}

const mean4 = (sum: number, count: number): string | null =>
  count > 0 ? formatDecimal(divRound(BigInt(sum) * 10_000n, BigInt(count)), 4) : null;

const meanSeconds = (sum: number, count: number): number | null =>
  count > 0 ? Number(divRound(BigInt(sum), BigInt(count))) : null;

/**
 * ANA-1 from counts: orders (by payment day), rates over the window's orders (cancellation by the
 * seller, refund, dispute as DSP-6, and the share still unshipped 72 h after payment), on-time over
 * the orders whose deadline fell due, abnormal logistics over the orders shipped, REV-3/REV-4 over
 * the reviews.
 */
export interface GmvPart {
  currency: string;
  orders: number;
  minor: bigint;
  /** The same in USD minor units; null without a rate. */
  usd: bigint | null;
}

export function tradeMetrics(t: WindowTotals, gmv: GmvPart[]): TradeMetrics {
  const sorted = [...gmv].sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    orders: t.orders,
    gmv: sorted.map((g) => ({ currency: g.currency, minor: g.minor.toString() })),
    gmvUsdMinor: gmv.some((g) => g.usd === null) ? null : gmv.reduce((sum, g) => sum + g.usd!, 0n).toString(),
    averageOrderValue: sorted
      .filter((g) => g.orders > 0)
      .map((g) => ({ currency: g.currency, minor: divRound(g.minor, BigInt(g.orders)).toString() })),
    cancellationRate: ratio(t.sellerCancelled, t.orders),
    refundRate: ratio(t.refunded, t.orders),
    disputeRate: ratio(t.disputed, t.orders),
    onTimeShipmentRate: ratio(t.onTime, t.onTime + t.late),
    averageShipSeconds: meanSeconds(t.shipSeconds, t.shipped),
    slowFulfillmentShare: ratio(t.slow, t.orders),
    abnormalLogisticsRate: ratio(t.abnormal, t.shipped),
    positiveRate: ratio(t.positive, t.reviews),
    dsr: {
      itemAsDescribed: mean4(t.itemAsDescribedSum, t.reviews),
      communication: mean4(t.communicationSum, t.reviews),
      shippingSpeed: mean4(t.shippingSpeedSum, t.reviews),
    },
    averagePayoutCycleSeconds: meanSeconds(t.payoutCycleSeconds, t.released),
  };
}
