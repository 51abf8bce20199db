/** A span of time in whole days, hours and minutes (cut, never rounded up). */
export interface Span {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * How long from `fromMs` to `nowMs` (how long a case has waited, a review has held money); nothing
 * negative: a reading a moment before `fromMs` (the clocks a moment apart) is no time at all.
 */
export function spanBetween(fromMs: number, nowMs: number): Span {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/** A number as a clock or a date shows it: two digits (minutes, a month, a day). */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');
