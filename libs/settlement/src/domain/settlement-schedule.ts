const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The settlement clock's days, from configuration (SET-2, SET-3). */
export interface SettlementSchedulePolicy {
  /** SET-2: the review starts at 00:00 UTC of this day after the delivery date (5). */
  reviewDay: number;
  /** SET-3: a passed review releases on this day after the delivery date (7)... */
  releaseDay: number;
  /** ...at this hour UTC (10). */
  releaseHourUtc: number;
}

export const DEFAULT_SCHEDULE: SettlementSchedulePolicy = { reviewDay: 5, releaseDay: 7, releaseHourUtc: 10 };

/** 00:00 UTC of the delivery's UTC date: days count from the date, not from the instant. */
function deliveryDate(deliveredAt: Date): number {
  return Math.floor(deliveredAt.getTime() / DAY_MS) * DAY_MS;
}

/** SET-2: 00:00 UTC of day `reviewDay` after the delivery date (delivered 03-01T23:59:59Z: 03-06T00:00Z). */
export function reviewStartsAt(deliveredAt: Date, policy: SettlementSchedulePolicy): Date {
  return new Date(deliveryDate(deliveredAt) + policy.reviewDay * DAY_MS);
}

/** SET-3: `releaseHourUtc`:00 UTC of day `releaseDay` after the delivery date (03-08T10:00Z). */
export function releaseDueAt(deliveredAt: Date, policy: SettlementSchedulePolicy): Date {
  return new Date(deliveryDate(deliveredAt) + policy.releaseDay * DAY_MS + policy.releaseHourUtc * HOUR_MS);
}
