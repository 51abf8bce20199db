/**
 * The Health and Reviews pages' numbers. The API sends rates, scores and DSR means as decimal
 * strings; Intl formats such a string as the exact decimal it spells (no conversion to a double),
 * so a rate of 0.070000 shows as 7% and never as 7.000000000000001%: only display rounding changes it.
 */
type DecimalText = `${number}`;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(id, format);
  }
  return format;
}

const decimal = (text: string): DecimalText => text as DecimalText;

/** A rate 0..1 ("0.032000", REV-3's positive rate) as a percentage with up to two decimals ("3.2%"). */
export function formatRate(rate: string, locale: string): string {
  return formatter(locale, 'rate', { style: 'percent', maximumFractionDigits: 2 }).format(decimal(rate));
}

/** A rate already read as a number (a chart's axis or tooltip), rounded for display. */
export function formatRateNumber(rate: number, locale: string): string {
  return formatter(locale, 'rate', { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

/** A decimal string with exactly `digits` decimals ("87.5" → "87.50"). */
export function formatFixed(value: string | number, digits: number, locale: string): string {
  const text = typeof value === 'number' ? value : decimal(value);
  return formatter(locale, `fixed${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(text);
}

/** A whole count ("1,234"). */
export function formatCount(value: number, locale: string): string {
  return formatter(locale, 'count', { maximumFractionDigits: 0 }).format(value);
}

/** A duration in hours, one decimal ("12.5 hr"). */
export function formatHours(hours: number, locale: string): string {
  return formatter(locale, 'hours', {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(hours);
}

/** A duration in days, one decimal ("7.4 days"). */
export function formatDays(days: number, locale: string): string {
  return formatter(locale, 'days', {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(days);
}

/** An amount without its currency (a chart mixing currencies names each line by its code). */
export function formatAmount(value: number, locale: string): string {
  return formatter(locale, 'amount', { maximumFractionDigits: 3 }).format(value);
}

/** US dollars, short for an axis ("$1.2K"). */
export function formatUsdCompact(value: number, locale: string): string {
  return formatter(locale, 'usd-compact', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** US dollars with cents. */
export function formatUsd(value: number, locale: string): string {
  return formatter(locale, 'usd', { style: 'currency', currency: 'USD' }).format(value);
}

/** A rate, score or mean (decimal string; null = not rated) as a number to plot. */
export const plotted = (value: string | null): number | null => (value === null ? null : Number(value));

/** A decimal string with two places as an integer number of hundredths ("12.19" → 1219n), for exact sums. */
export function hundredths(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new RangeError(`not a decimal with two places: ${value}`);
  const whole = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -whole : whole;
}

/** Hundredths back to a decimal string ("8750" → "87.50"). */
export function fromHundredths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/**
 * A DSR mean ("4.6950", REV-4) with two to four decimals: never rounded up onto a bar it is below
 * (4.6950 is not "4.70").
 */
export function formatMean(value: string, locale: string): string {
  return formatter(locale, 'mean', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(
    decimal(value),
  );
}

/** A six-place rate as a percentage with every digit it has (up to four decimals), for a value set against a bar. */
export function formatRateExact(rate: string, locale: string): string {
  return formatter(locale, 'rate-exact', { style: 'percent', maximumFractionDigits: 4 }).format(
    decimal(rate),
  );
}
