import { minorDigits } from '../format/currency-digits';

/**
 * Exact amount arithmetic for the Money page: minor units are integers as decimal strings, added
 * and compared as BigInt, never as floating-point numbers.
 */

/** The sum of signed minor-unit strings. */
export function sumMinor(amounts: readonly string[]): string {
  return amounts.reduce((sum, amount) => sum + BigInt(amount), 0n).toString();
}

export const isPositiveMinor = (minor: string): boolean => BigInt(minor) > 0n;

export type AmountProblem = 'empty' | 'format' | 'tooManyDecimals' | 'notPositive' | 'tooLarge';

/** The server takes at most 18 digits of minor units (a positive integer string). */
const MAX_MINOR_DIGITS = 18;

/**
 * A typed amount ("12.5", "1,000.25" is refused: no grouping) as minor units of `currency`, moved
 * from the decimal text without arithmetic; at most the currency's minor digits after the point.
 */
export function parseAmount(text: string, currency: string): { minor: string } | { problem: AmountProblem } {
  const typed = text.trim();
  if (typed === '') return { problem: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(typed);
  if (!match) return { problem: 'format' };
  const digits = minorDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { problem: 'tooManyDecimals' };
  const minor = (match[1] + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(minor)) return { problem: 'notPositive' };
  if (minor.length > MAX_MINOR_DIGITS) return { problem: 'tooLarge' };
  return { minor };
}

/** n / d rounded half-to-even, as the server rounds a conversion (n >= 0, d > 0). */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twiceRest = (n % d) * 2n;
  if (twiceRest > d || (twiceRest === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/**
 * SET-4: `minor` of `from` converted at `rate` (an exact decimal string, units of `to` per unit of
 * `from`) into minor units of `to`, rounded once, half-to-even: what the withdrawal will pay out.
 */
export function convertMinor(minor: string, from: string, to: string, rate: string): string | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) return null;
  const decimals = match[2] ?? '';
  const units = BigInt(match[1] + decimals);
  const numerator = BigInt(minor) * units * 10n ** BigInt(minorDigits(to));
  const denominator = 10n ** BigInt(decimals.length + minorDigits(from));
  return divideHalfEven(numerator, denominator).toString();
}
