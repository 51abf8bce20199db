/**
 * UTC calendar days (yyyy-mm-dd), as the rules count the 90-day window: shown as dates in UTC, so
 * a day reads the same in every time zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(id, format);
  }
  return format;
}

const instant = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** "29 Nov 2026". */
export function formatDay(day: string, locale: string): string {
  return formatter(locale, 'day', { dateStyle: 'medium' }).format(instant(day));
}

/** "29 Nov", for a chart's axis. */
export function formatDayShort(day: string, locale: string): string {
  return formatter(locale, 'short', { month: 'short', day: 'numeric' }).format(instant(day));
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = instant(from).getTime(); at <= instant(to).getTime(); at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}
