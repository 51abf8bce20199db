/**
 * ANA-1: what a store's (or several stores') daily roll-ups add up to over a window. Counts and
 * sums only; every rate and mean is computed from them exactly, never from rounded figures.
 */
export interface WindowTotals {
  orders: number;
  sellerCancelled: number;
  disputed: number;
  refunded: number;
  shipped: number;
  shipSeconds: number;
  /** Orders whose fulfillment took (or is taking) more than 72 h after payment, on that instant's day. */
  slow: number;
  onTime: number;
  late: number;
  abnormal: number;
  reviews: number;
  positive: number;
  itemAsDescribedSum: number;
  communicationSum: number;
  shippingSpeedSum: number;
  released: number;
  payoutCycleSeconds: number;
}

export const NOTHING: WindowTotals = {
  orders: 0,
  sellerCancelled: 0,
  disputed: 0,
  refunded: 0,
  shipped: 0,
  shipSeconds: 0,
  slow: 0,
  onTime: 0,
  late: 0,
  abnormal: 0,
  reviews: 0,
  positive: 0,
  itemAsDescribedSum: 0,
  communicationSum: 0,
  shippingSpeedSum: 0,
  released: 0,
  payoutCycleSeconds: 0,
};

export function addWindowTotals(a: WindowTotals, b: WindowTotals): WindowTotals {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof WindowTotals)[]) sum[key] = a[key] + b[key];
  return sum;
}
