import { convert, convertCross, parseRate } from './fx';

describe('FX conversion', () => {
  it('SET-4: converts exactly and rounds once, half-to-even, with the difference kept', () => {
    const rate = parseRate('7.125');
    // 0.02 USD * 7.125 = 0.1425 CNY = 14.25 fen -> 14
    expect(convert(2n, 'USD', 'CNY', rate)).toEqual({
      minor: 14n,
      exact: '14.25000',
      roundingDifference: '-0.25000',
    });
    // 0.06 USD -> 42.75 fen -> 43
    expect(convert(6n, 'USD', 'CNY', rate).minor).toBe(43n);
    // an exact half goes to the even neighbour: 0.10 USD * 7.125 = 71.25; 0.02 * 6.25 = 12.5 -> 12
    expect(convert(2n, 'USD', 'CNY', parseRate('6.25')).minor).toBe(12n);
    expect(convert(6n, 'USD', 'CNY', parseRate('6.25')).minor).toBe(38n); // 37.5 -> 38
  });

  it('SET-4: respects each currency exponent (JPY has none, BHD three)', () => {
    // 1000 JPY * 0.0478 = 47.80 CNY = 4780 fen
    expect(convert(1000n, 'JPY', 'CNY', parseRate('0.0478')).minor).toBe(4780n);
    // 1.234 BHD * 19.1 = 23.5694 CNY -> 2356.94 fen -> 2357
    expect(convert(1234n, 'BHD', 'CNY', parseRate('19.1')).minor).toBe(2357n);
  });

  it('SET-4: refuses a rate that is not a positive decimal string', () => {
    for (const bad of ['0', '0.000', '-7.1', '7,1', '1e3', '', '7.', '.5'])
      expect(() => parseRate(bad)).toThrow();
  });
});

describe('SET-4 cross rates', () => {
  it('SET-4: converts through a common currency exactly, rounding once', () => {
    // 10.00 EUR at 7.7015 CNY/EUR and 7.1234 CNY/USD = 10.8117 USD -> 10.81
    expect(convertCross(1000n, 'EUR', 'USD', parseRate('7.7015'), parseRate('7.1234'))).toBe(1081n);
    // 1000 JPY (no minor digits) at 0.0478 CNY/JPY, 7.1234 CNY/USD = 6.7103 USD -> 6.71
    expect(convertCross(1000n, 'JPY', 'USD', parseRate('0.0478'), parseRate('7.1234'))).toBe(671n);
  });
});
