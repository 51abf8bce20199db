import { Money } from './money';
import { ValidationError } from './domain-error';

describe('Money', () => {
  it('SET-4: amounts are exact integer minor units, beyond 2^53 too', () => {
    const big = Money.parse('9007199254740993', 'USD');
    expect(big.add(Money.of(1n, 'USD')).minor).toBe(9007199254740994n);
    expect(Money.of(1999n, 'USD').times(3).toJSON()).toEqual({ minor: '5997', currency: 'USD' });
  });

  it('SET-4: currencies never mix, and unknown currencies or fractional amounts are refused', () => {
    expect(() => Money.of(1n, 'USD').add(Money.of(1n, 'EUR'))).toThrow(ValidationError);
    expect(() => Money.of(1n, 'XYZ')).toThrow(ValidationError);
    expect(() => Money.parse('1.5', 'USD')).toThrow(ValidationError);
  });
});
