import fc from 'fast-check';
import { divideHalfEven } from './rounding';

describe('divideHalfEven', () => {
  it('SET-4: rounds exact halves to the even neighbour and everything else to the nearest', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(26n, 10n)).toBe(3n);
    expect(divideHalfEven(24n, 10n)).toBe(2n);
    expect(divideHalfEven(0n, 7n)).toBe(0n);
  });

  it('SET-4: is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        (n, d) => {
          const q = divideHalfEven(n, d);
          const error = q * d - n;
          expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
        },
      ),
    );
  });
});
