import { ratio, utcDayWindow } from '@tradehub/kernel';

/** DSP-6: the window's UTC days, `days` of them ending with the day of `asOf`. */
export const rateWindow = utcDayWindow;

/** DSP-6: orders with a dispute opened in the window / orders in the window (null: not rated). */
export function disputeRate(disputedOrders: number, orders: number): string | null {
  return ratio(disputedOrders, orders);
}
