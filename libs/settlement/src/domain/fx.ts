import { CURRENCY_MINOR_DIGITS, ValidationError } from '@tradehub/kernel';
import { divideHalfEven } from './rounding';

/** SET-4: withdrawals convert into this currency only. */
export const PAYOUT_CONVERSION_CURRENCY = 'CNY';

const RATE = /^(\d{1,9})(?:\.(\d{1,12}))?$/;

/** A rate as an exact decimal: `units` / 10^`scale` of the target per one unit of the source. */
export interface Rate {
  text: string;
  units: bigint;
  scale: number;
}

/** A positive decimal string (up to 12 decimals); never a float. */
export function parseRate(text: string, field = 'rate'): Rate {
  const match = RATE.exec(text);
  if (!match) throw new ValidationError('a rate is a positive decimal string such as "7.1234"', field);
  const decimals = match[2] ?? '';
  const units = BigInt(match[1] + decimals);
  if (units === 0n) throw new ValidationError('a rate must be above zero', field);
  return { text, units, scale: decimals.length };
}

export interface Conversion {
  /** Minor units of the target currency, rounded half-to-even. */
  minor: bigint;
  /** The exact converted amount in target minor units, as a decimal string. */
  exact: string;
  /** minor - exact, in target minor units (a decimal string): what rounding gave or took. */
  roundingDifference: string;
}

function decimal(numerator: bigint, digits: number): string {
  const negative = numerator < 0n;
  const text = (negative ? -numerator : numerator).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Converts `minor` units of `from` into `to` at `rate` exactly, rounding once, half-to-even (SET-4). */
export function convert(minor: bigint, from: string, to: string, rate: Rate): Conversion {
  const digits = rate.scale + CURRENCY_MINOR_DIGITS[from]!;
  const denominator = 10n ** BigInt(digits);
  const numerator = minor * rate.units * 10n ** BigInt(CURRENCY_MINOR_DIGITS[to]!);
  const rounded = divideHalfEven(numerator, denominator);
  return {
    minor: rounded,
    exact: decimal(numerator, digits),
    roundingDifference: decimal(rounded * denominator - numerator, digits),
  };
}

/**
 * `minor` of `from` in `to` through a common currency: `from` → common at `fromRate`, `to` → common
 * at `toRate` (e.g. EUR and USD both quoted in CNY); exact, rounded once, half-to-even.
 */
export function convertCross(minor: bigint, from: string, to: string, fromRate: Rate, toRate: Rate): bigint {
  const numerator = minor * fromRate.units * 10n ** BigInt(CURRENCY_MINOR_DIGITS[to]! + toRate.scale);
  const denominator = 10n ** BigInt(fromRate.scale + CURRENCY_MINOR_DIGITS[from]!) * toRate.units;
  return divideHalfEven(numerator, denominator);
}
