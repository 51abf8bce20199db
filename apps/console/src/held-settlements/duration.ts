/** A span of time in whole days, hours and minutes (cut, never rounded up). */
export interface Span {
  days: number;
  hours: number;
  minutes: number;
}

/** How long from `fromMs` to `nowMs`; nothing negative (a clock a moment behind the server's). */
export function spanBetween(fromMs: number, nowMs: number): Span {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}
