import { twoDigits } from '../common/duration';

export type SlaLeft = { overdue: boolean; hours: number; minutes: string };

/**
 * Whole hours and minutes to a review's due instant, or past it (the instant itself counts as
 * passed, as on the server): `1h 12m left`, `overdue 0h 05m`. Minutes are cut, never rounded up.
 */
export function slaLeft(dueMs: number, nowMs: number): SlaLeft {
  const overdue = nowMs >= dueMs;
  const minutes = Math.floor(Math.abs(dueMs - nowMs) / 60_000);
  return { overdue, hours: Math.floor(minutes / 60), minutes: twoDigits(minutes % 60) };
}
