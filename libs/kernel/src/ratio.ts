/**
 * A rate as an exact decimal string with six places, half up ("0.032000"); null ("not rated") when
 * the denominator is zero (RULES, Clarifications: Rates).
 */
export function ratio(numerator: number, denominator: number): string | null {
  if (denominator <= 0) return null;
  const scaled = (BigInt(numerator) * 2_000_000n + BigInt(denominator)) / (2n * BigInt(denominator));
  return `${scaled / 1_000_000n}.${(scaled % 1_000_000n).toString().padStart(6, '0')}`;
}
