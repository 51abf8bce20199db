import { addMs, DAY_MS } from '@tradehub/kernel';

export interface LateStrikeConfig {
  lateStrikeWindowDays: number;
  lateStrikeThreshold: number;
}

/** ORD-4: strikes count over a rolling window ending at the new strike. */
export function strikeWindowStart(at: Date, config: LateStrikeConfig): Date {
  return addMs(at, -config.lateStrikeWindowDays * DAY_MS);
}

/** ORD-4: from the threshold strike (the third by default) on, the store's shipping DSR drops and Compliance hears of it. */
export function thresholdReached(strikesInWindow: number, config: LateStrikeConfig): boolean {
  return strikesInWindow >= config.lateStrikeThreshold;
}

/** ORD-4, CMP-5: what the store's LATE_SHIPMENT_STRIKES flag waits for once raised. */
export const STRIKE_WINDOW_TIMER = 'orders.late-strikes-window';

/**
 * ORD-4, CMP-5: when the store's strikes in the window fall below the threshold, given the strike
 * instants in the window, oldest first: the (n - threshold + 1)-th oldest leaving the window ends it.
 * Null when they are below it already.
 */
export function strikesFallBelowAt(
  strikesOldestFirst: readonly Date[],
  config: LateStrikeConfig,
): Date | null {
  const leaving = strikesOldestFirst.length - config.lateStrikeThreshold;
  if (leaving < 0) return null;
  return addMs(strikesOldestFirst[leaving]!, config.lateStrikeWindowDays * DAY_MS);
}
