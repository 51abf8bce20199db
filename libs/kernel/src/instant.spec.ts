import { isInstantInRange, isIssuedInstant, MAX_INSTANT_MS, MIN_INSTANT_MS } from './instant';

describe('the supported instant range', () => {
  it('runs from 1970-01-01T00:00:00Z inclusive to 2200-01-01T00:00:00Z exclusive', () => {
    expect(new Date(MIN_INSTANT_MS).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new Date(MAX_INSTANT_MS).toISOString()).toBe('2200-01-01T00:00:00.000Z');
    expect(isInstantInRange(MIN_INSTANT_MS)).toBe(true);
    expect(isInstantInRange(MIN_INSTANT_MS - 1)).toBe(false);
    expect(isInstantInRange(MAX_INSTANT_MS - 1)).toBe(true);
    expect(isInstantInRange(MAX_INSTANT_MS)).toBe(false);
    expect(isInstantInRange(Number.NaN)).toBe(false);
  });

  it('an issued instant is exactly toISOString() of an accepted instant or a deadline derived from one', () => {
    expect(isIssuedInstant('2026-11-26T00:00:00.000Z')).toBe(true);
    expect(isIssuedInstant('1970-01-01T00:00:00.000Z')).toBe(true);
    // The ship-by of an order paid at the last accepted instant.
    expect(isIssuedInstant('2200-01-01T03:59:59.999Z')).toBe(true);
    const refused = [
      '2026-11-26T00:00:00Z',
      '2026-02-30T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2201-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.000Z',
      '1',
    ];
    for (const text of refused) expect(isIssuedInstant(text)).toBe(false);
  });
});
