import { RuleViolation, ValidationError } from '@tradehub/kernel';
import { Carrier, CarrierCatalog, matchesTrackingPattern } from './carrier';
import { DEFAULT_CARRIERS } from './default-carriers';

const dhl: Carrier = {
  code: 'DHL',
  name: 'DHL Express',
  kind: 'online_carrier',
  trackingPattern: /^\d{10}$/,
};

describe('CarrierCatalog', () => {
  it('FUL-1: finds an approved carrier by code, case-insensitively', () => {
    const catalog = new CarrierCatalog([dhl]);
    expect(catalog.find('DHL')).toMatchObject({ code: 'DHL' });
    expect(catalog.find(' dhl ')).toMatchObject({ code: 'DHL' });
    expect(catalog.require('dhl').name).toBe('DHL Express');
  });

  it('FUL-1: refuses a carrier that is not in the approved list', () => {
    const catalog = new CarrierCatalog([dhl]);
    expect(catalog.find('SF_EXPRESS')).toBeUndefined();
    const error = catchError(() => catalog.require('SF_EXPRESS', 'shipment.carrierCode'));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ code: 'UNKNOWN_CARRIER', field: 'shipment.carrierCode' });
  });

  it('FUL-1: refuses a list with a duplicate code', () => {
    const error = catchError(() => new CarrierCatalog([dhl, { ...dhl, name: 'again' }]));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'carriers[1].code' });
  });

  it.each([/\d{10}$/, /^\d{10}/, /^\d{10}\$/])('FUL-1: refuses an unanchored pattern %s', (pattern) => {
    const error = catchError(() => new CarrierCatalog([{ ...dhl, trackingPattern: pattern }]));
    expect(error).toMatchObject({ field: 'carriers[0].trackingPattern' });
  });

  it('FUL-1: refuses an empty list, a bad code, an empty name and an unknown kind', () => {
    expect(() => new CarrierCatalog([])).toThrow(ValidationError);
    expect(catchError(() => new CarrierCatalog([{ ...dhl, code: 'dhl express' }]))).toMatchObject({
      field: 'carriers[0].code',
    });
    expect(catchError(() => new CarrierCatalog([{ ...dhl, name: ' ' }]))).toMatchObject({
      field: 'carriers[0].name',
    });
    const unknownKind = { ...dhl, kind: 'pigeon' } as unknown as Carrier;
    expect(catchError(() => new CarrierCatalog([unknownKind]))).toMatchObject({ field: 'carriers[0].kind' });
  });

  it('FUL-1: the default list holds the marketplace logistics service and online carriers', () => {
    const catalog = new CarrierCatalog(DEFAULT_CARRIERS);
    expect(catalog.require('CAINIAO').kind).toBe('marketplace_logistics');
    expect(
      catalog
        .list()
        .filter((c) => c.kind === 'online_carrier')
        .map((c) => c.code),
    ).toEqual(expect.arrayContaining(['YANWEN', '4PX', 'DHL', 'UPS', 'FEDEX', 'CHINA_POST']));
  });
});

describe('matchesTrackingPattern', () => {
  const byCode = new CarrierCatalog(DEFAULT_CARRIERS);

  it.each([
    ['CAINIAO', 'LP00123456789012'],
    ['CAINIAO', 'AE12345678901234'],
    ['CAINIAO', 'RB123456789CN'],
    ['YANWEN', 'UG123456789YP'],
    ['YANWEN', 'Y1234567890'],
    ['YUNEXPRESS', 'YT2212345678901234'],
    ['4PX', '4PX3001234567CN'],
    ['DHL', '1234567890'],
    ['UPS', '1Z999AA10123456784'],
    ['FEDEX', '123456789012'],
    ['FEDEX', '123456789012345'],
    ['CHINA_POST', 'LX123456789CN'],
  ])('FUL-2: %s accepts %s', (code, number) => {
    expect(matchesTrackingPattern(byCode.require(code).trackingPattern, number)).toBe(true);
  });

  it.each([
    ['CAINIAO', 'LP0012345678901'],
    ['YANWEN', 'UG12345678YP'],
    ['4PX', '4PX3001234567US'],
    ['DHL', '12345678901'],
    ['UPS', '1Z999AA1012345678'],
    ['FEDEX', '1234567890123'],
    ['CHINA_POST', 'LX123456789US'],
  ])('FUL-2: %s refuses %s', (code, number) => {
    expect(matchesTrackingPattern(byCode.require(code).trackingPattern, number)).toBe(false);
  });

  it('FUL-2: matches the whole number even when only the ends of an alternation are anchored', () => {
    expect(matchesTrackingPattern(/^AB|CD$/, 'ABXYZ')).toBe(false);
    expect(matchesTrackingPattern(/^AB|CD$/, 'AB')).toBe(true);
  });

  it('FUL-2: a global pattern gives the same answer every time (no lastIndex state)', () => {
    const pattern = /^\d{10}$/g;
    expect([1, 2, 3].map(() => matchesTrackingPattern(pattern, '1234567890'))).toEqual([true, true, true]);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
