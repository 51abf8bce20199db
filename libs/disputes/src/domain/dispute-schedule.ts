import { addMs } from '@tradehub/kernel';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The deadlines of a refund request; numbers are configuration (DSP-1, DSP-3). */
export interface DisputeSchedulePolicy {
  /** DSP-1: calendar days the seller has to answer (default 5). */
  responseDays: number;
  /** REFUND_RESPONSE_DUE is raised this many hours before the answer is due (default 24). */
  responseWarnHours: number;
  /** DSP-3: elapsed hours of the seller's inspection of a returned parcel (default 48). */
  inspectionHours: number;
  /** RETURN_INSPECTION_DUE is raised this many hours before the inspection ends (default 12). */
  inspectionWarnHours: number;
  /** Calendar days the buyer has to answer an offer or a refusal, or to ship the return (default 5). */
  buyerDays: number;
  /** Calendar days a shipped return may take to reach the seller before an operator looks at it (default 30). */
  returnTransitDays: number;
}

/** The schedule and the platform's preset refusal reasons (DSP-1). */
export interface DisputePolicy extends DisputeSchedulePolicy {
  refusalReasons: readonly string[];
}

export const DEFAULT_REFUSAL_REASONS = [
  'ITEM_AS_DESCRIBED',
  'DELIVERED_AS_TRACKED',
  'DAMAGED_BY_BUYER',
  'NOT_IN_ORIGINAL_CONDITION',
  'OUTSIDE_PROTECTION_PERIOD',
  'DUPLICATE_REQUEST',
] as const;

export const DEFAULT_DISPUTE_SCHEDULE: DisputeSchedulePolicy = {
  responseDays: 5,
  responseWarnHours: 24,
  inspectionHours: 48,
  inspectionWarnHours: 12,
  buyerDays: 5,
  returnTransitDays: 30,
};

/**
 * "Within N calendar days" ends at 24:00 UTC of day N after the start's UTC date (Clarifications):
 * a request at 2026-03-01T15:00Z with N = 5 must be answered before 2026-03-07T00:00Z.
 */
export function endOfCalendarDay(start: Date, days: number): Date {
  const midnight = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  return new Date(midnight + (days + 1) * DAY_MS);
}

/** DSP-3: elapsed hours, not calendar days. */
export function afterHours(start: Date, hours: number): Date {
  return addMs(start, hours * HOUR_MS);
}

/** A warning `hours` before `due`, never before `from` (a short deadline warns at once). */
export function warnBefore(due: Date, hours: number, from: Date): Date {
  const at = due.getTime() - hours * HOUR_MS;
  return new Date(Math.max(at, from.getTime()));
}
