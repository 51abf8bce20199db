import { minorDigits } from './currency-digits';

export interface Money {
  /** Integer minor units as a decimal string (may exceed Number's safe range). */
  minor: string;
  currency: string;
}

/**
 * Minor units as an exact decimal string ("12345", 2 → "123.45") by moving the decimal point in
 * the text: no floating point, any size.
 */
export function minorToDecimal(minor: string, digits: number): `${number}` {
  const negative = minor.startsWith('-');
  const magnitude = negative ? minor.slice(1) : minor;
  if (!/^\d+$/.test(magnitude)) throw new RangeError(`not an integer amount: ${minor}`);
  const sign = negative ? '-' : '';
  if (digits === 0) return `${sign}${magnitude}` as `${number}`;
  const padded = magnitude.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}` as `${number}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format;
}

/** A money amount for display; Intl formats the decimal string exactly (no Number conversion). */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorDigits(money.currency);
  try {
    return formatter(locale, money.currency, digits).format(minorToDecimal(money.minor, digits));
  } catch {
    // An unknown currency code or a malformed amount: show what arrived rather than nothing.
    return `${money.minor} ${money.currency} (minor units)`;
  }
}
