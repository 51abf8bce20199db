/**
 * The ratings' numbers. The API sends rates and means as decimal strings; Intl formats such a string
 * as the exact decimal it spells (no double in between), so only display rounding changes it.
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

/** REV-3: a six-place fraction ("0.945000") as a percentage with up to two decimals ("94.5%"). */
export function formatRate(rate: string, locale: string): string {
  return formatter(locale, 'rate', { style: 'percent', maximumFractionDigits: 2 }).format(
    rate as DecimalText,
  );
}

/**
 * REV-4: a mean ("4.6950") with two to four decimals, never rounded up onto a figure it is below
 * (4.6950 is not "4.70").
 */
export function formatMean(mean: string, locale: string): string {
  return formatter(locale, 'mean', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(
    mean as DecimalText,
  );
}

/** A whole count ("1,234"). */
export function formatCount(count: number, locale: string): string {
  return formatter(locale, 'count', { maximumFractionDigits: 0 }).format(count);
}

/** A deduction is something only when it is above zero ("0.0000" is none). */
export const deducts = (deduction: string): boolean => /[1-9]/.test(deduction);
