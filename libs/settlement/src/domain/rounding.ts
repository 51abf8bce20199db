/** n / d rounded half-to-even (banker's rounding), exactly, for n >= 0 and d > 0. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  if (n < 0n || d <= 0n) throw new RangeError('divideHalfEven needs n >= 0 and d > 0');
  const q = n / d;
  const twiceRest = (n % d) * 2n;
  if (twiceRest > d || (twiceRest === d && q % 2n === 1n)) return q + 1n;
  return q;
}
