const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** An instant in the browser's own time zone. */
export function formatLocalTime(iso: string, locale: string): string {
  return formatter(locale).format(new Date(iso));
}

/** An instant in UTC, as the rules state deadlines (the caller adds the "UTC" label). */
export function formatUtcTime(iso: string, locale: string): string {
  return formatter(locale, 'UTC').format(new Date(iso));
}

/** A calendar day picked in a date input (yyyy-mm-dd) as the instant its local midnight is. */
export function startOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date).toISOString();
}

/** The instant the day after `day` starts: an inclusive "to" day as an exclusive bound. */
export function startOfNextLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + 1).toISOString();
}
