const two = (n: number): string => String(n).padStart(2, '0');

export interface Waited {
  days: number;
  hours: number;
  /** Two digits. */
  minutes: string;
}

/**
 * How long a case has waited since its escalation, cut to whole minutes (never rounded up); a
 * reading before the escalation (clocks a moment apart) counts as no wait.
 */
export function waitedSince(sinceMs: number, nowMs: number): Waited {
  const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: two(minutes % 60),
  };
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file's size for people: bytes, kB or MB (1000s, as the units are named), one decimal at most. */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes < 1000
      ? [bytes, 'byte']
      : bytes < 1_000_000
        ? [bytes / 1000, 'kilobyte']
        : [bytes / 1_000_000, 'megabyte'];
  const key = `${locale}|${unit}`;
  let format = sizeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    sizeFormats.set(key, format);
  }
  return format.format(value);
}

/** The case's reference on screen: the marketplace's request id, which both sides quote. */
export const caseReference = (request: { marketplaceRequestId: string }): string =>
  request.marketplaceRequestId;
