export type SlaLeft = { overdue: boolean; hours: number; minutes: string };

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Whole hours and minutes to a review's due instant, or past it (the instant itself counts as
 * passed, as on the server): `1h 12m left`, `overdue 0h 05m`. Minutes are cut, never rounded up.
 */
export function slaLeft(dueMs: number, nowMs: number): SlaLeft {
  const overdue = nowMs >= dueMs;
  const minutes = Math.floor(Math.abs(dueMs - nowMs) / 60_000);
  return { overdue, hours: Math.floor(minutes / 60), minutes: two(minutes % 60) };
}

/** The first part of a task id, enough to tell tasks apart on screen. */
export const shortId = (id: string): string => id.slice(0, 8);
