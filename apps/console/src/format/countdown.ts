import { twoDigits } from '../common/duration';

export type Countdown =
  { overdue: false; days: number; clock: string } | { overdue: true; hours: number; minutes: string };

/**
 * Time to a deadline: days and hh:mm:ss while it lies ahead, whole hours and minutes once it has
 * passed (the deadline instant itself counts as passed, as on the server).
 */
export function countdown(deadlineMs: number, nowMs: number): Countdown {
  const remaining = Math.floor((deadlineMs - nowMs) / 1000);
  if (remaining > 0) {
    const days = Math.floor(remaining / 86_400);
    const hours = Math.floor((remaining % 86_400) / 3600);
    const minutes = Math.floor((remaining % 3600) / 60);
    return {
      overdue: false,
      days,
      clock: `${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(remaining % 60)}`,
    };
  }
  const late = Math.floor((nowMs - deadlineMs) / 60_000);
  return { overdue: true, hours: Math.floor(late / 60), minutes: twoDigits(late % 60) };
}
