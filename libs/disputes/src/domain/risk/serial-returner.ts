import { clamp01, Finding } from './capped-points';
import { DisputeRiskPolicy } from './risk-policy';
import { BuyerHistory } from './risk-types';

/** At the policy's minimum rate a serial returner is worth this share of the weight; the rest grows with the rate. */
const BASE_SHARE = 0.7;

/**
 * DSP-5: a buyer who asked for returns or refunds on many of their recent orders. Both a count and
 * a rate are needed: one return out of two orders is chance, ten out of a hundred is normal. The
 * rate can pass 1 (an order with both a return and a dispute); it is capped there.
 */
export function serialReturnerFindings(
  buyer: BuyerHistory,
  rule: DisputeRiskPolicy['serialReturner'],
): Finding[] {
  const orders = Math.max(0, buyer.orders);
  const requests = Math.max(0, buyer.returns) + Math.max(0, buyer.disputes);
  if (orders === 0 || requests < rule.minRequests) return [];
  const rate = Math.min(1, requests / orders);
  if (rate < rule.minRate) return [];
  const above = rule.minRate >= 1 ? 1 : (rate - rule.minRate) / (1 - rule.minRate);
  return [
    {
      code: 'SERIAL_RETURNER',
      message:
        `The buyer asked for a return or refund ${requests} times over their ${orders} ` +
        `order${orders === 1 ? '' : 's'} of the last ${rule.windowDays} days (${Math.round(rate * 100)}%)`,
      severity: BASE_SHARE + (1 - BASE_SHARE) * clamp01(above),
    },
  ];
}
