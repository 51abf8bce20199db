import { DAY_MS } from './clock';

/**
 * A window of whole UTC days: `days` of them ending with the day of `asOf`, as `YYYY-MM-DD`. DSP-6's
 * dispute rate and Compliance's 90-day figures count over it, so both read the same days.
 */
export function utcDayWindow(asOf: Date, days: number): { from: string; to: string } {
  const to = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  return {
    from: new Date(to - (days - 1) * DAY_MS).toISOString().slice(0, 10),
    to: new Date(to).toISOString().slice(0, 10),
  };
}

/** The next UTC midnight after `at`: when such a window moves on by a day. */
export function nextUtcMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) + DAY_MS);
}
