import { ratio } from '@tradehub/kernel';

const DAY_MS = 86_400_000;

/** DSP-6: the window's UTC days, `days` of them ending with the day of `asOf`. */
export function rateWindow(asOf: Date, days: number): { from: string; to: string } {
  const to = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
  const from = new Date(to.getTime() - (days - 1) * DAY_MS);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** DSP-6: orders with a dispute opened in the window / orders in the window (null: not rated). */
export function disputeRate(disputedOrders: number, orders: number): string | null {
  return ratio(disputedOrders, orders);
}
