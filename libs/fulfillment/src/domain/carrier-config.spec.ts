import { ValidationError } from '@tradehub/kernel';
import { CarrierCatalog } from './carrier';
import { parseCarrierConfig } from './carrier-config';

const entry = { code: 'DHL', name: 'DHL Express', kind: 'online_carrier', trackingPattern: '^\\d{10}$' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('parseCarrierConfig', () => {
  it('FUL-1: reads the carrier list from JSON text, replacing the default list', () => {
    const carriers = parseCarrierConfig(JSON.stringify([entry]));
    expect(carriers).toEqual([
      { code: 'DHL', name: 'DHL Express', kind: 'online_carrier', trackingPattern: /^\d{10}$/ },
    ]);
    expect(new CarrierCatalog(carriers).require('DHL').trackingPattern.test('1234567890')).toBe(true);
  });

  it('FUL-1: reads an already-parsed array', () => {
    expect(parseCarrierConfig([entry])).toHaveLength(1);
  });

  it('FUL-1: names what is wrong in the configuration', () => {
    expect(fieldOf(() => parseCarrierConfig('not json'))).toBe('carriers');
    expect(fieldOf(() => parseCarrierConfig({ carriers: [] }))).toBe('carriers');
    expect(fieldOf(() => parseCarrierConfig([entry, 'DHL']))).toBe('carriers[1]');
    expect(fieldOf(() => parseCarrierConfig([{ ...entry, name: '' }]))).toBe('carriers[0].name');
    expect(fieldOf(() => parseCarrierConfig([{ ...entry, code: 42 }]))).toBe('carriers[0].code');
    expect(fieldOf(() => parseCarrierConfig([{ ...entry, kind: 'pigeon' }]))).toBe('carriers[0].kind');
  });

  it('FUL-1: refuses a pattern that does not compile or is not anchored', () => {
    expect(fieldOf(() => parseCarrierConfig([{ ...entry, trackingPattern: '^(\\d{10}$' }]))).toBe(
      'carriers[0].trackingPattern',
    );
    expect(fieldOf(() => parseCarrierConfig([{ ...entry, trackingPattern: '\\d{10}' }]))).toBe(
      'carriers[0].trackingPattern',
    );
  });
});
