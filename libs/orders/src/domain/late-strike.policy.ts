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
