/** Exact fixed-point helpers: rates in millionths, scores in hundredths, all bigint, half up. */

export const MILLION = 1_000_000n;

/** round(n / d) half up, for non-negative n and positive d. */
export function divRound(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/** A decimal string ("0.032", "4.7", "15") as an integer number of 10^-places units; throws on bad input. */
export function parseDecimal(text: string, places: number): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match || (match[2]?.length ?? 0) > places)
    throw new Error(`not a decimal with at most ${places} places: ${text}`);
  return BigInt(match[1]!) * 10n ** BigInt(places) + BigInt((match[2] ?? '').padEnd(places, '0') || '0');
}

/** `value` units of 10^-places as a decimal string, e.g. (8750n, 2) -> "87.50". */
export function formatDecimal(value: bigint, places: number): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const scale = 10n ** BigInt(places);
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(places, '0')}`;
}

/** Whether n / d is strictly above `bar` millionths, compared exactly (no rounding of n / d). */
export function above(n: number, d: number, bar: bigint): boolean {
  return BigInt(n) * MILLION > bar * BigInt(d);
}

/** Whether n / d is strictly below `bar` millionths, compared exactly. */
export function below(n: number, d: number, bar: bigint): boolean {
  return BigInt(n) * MILLION < bar * BigInt(d);
}
