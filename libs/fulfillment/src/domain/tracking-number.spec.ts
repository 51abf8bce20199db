import { ValidationError } from '@tradehub/kernel';
import { Carrier } from './carrier';
import { TrackingNumberInvalid } from './fulfillment.errors';
import { MAX_TRACKING_NUMBER_LENGTH, normaliseTrackingNumber, TrackingNumber } from './tracking-number';

const chinaPost: Carrier = {
  code: 'CHINA_POST',
  name: 'China Post',
  kind: 'online_carrier',
  trackingPattern: /^[A-Z]{2}\d{9}CN$/,
};
const anything: Carrier = { ...chinaPost, code: 'ANY', trackingPattern: /^.*$/ };

describe('TrackingNumber', () => {
  it('FUL-2: normalises: trims, upper-cases and removes spaces', () => {
    expect(normaliseTrackingNumber('  lx 123 456 789 cn\t')).toBe('LX123456789CN');
    const number = TrackingNumber.of(chinaPost, ' lx123 456789cn ');
    expect(number.value).toBe('LX123456789CN');
    expect(number.carrierCode).toBe('CHINA_POST');
    expect(JSON.stringify({ number })).toBe('{"number":"LX123456789CN"}');
  });

  it('FUL-2: refuses a number that fails the carrier pattern', () => {
    expect(() => TrackingNumber.of(chinaPost, 'LX123456789US', 'shipment.trackingNumber')).toThrow(
      expect.objectContaining({
        constructor: TrackingNumberInvalid,
        code: 'TRACKING_NUMBER_INVALID',
        field: 'shipment.trackingNumber',
        message: 'does not match the CHINA_POST pattern',
      }),
    );
  });

  it('FUL-2: refuses an empty, blank or non-string number as invalid input', () => {
    for (const raw of ['', '   ', null, 123]) {
      expect(() => TrackingNumber.of(anything, raw)).toThrow(ValidationError);
    }
  });

  it('FUL-2: refuses a number over 40 characters', () => {
    expect(TrackingNumber.of(anything, 'A'.repeat(MAX_TRACKING_NUMBER_LENGTH)).value).toHaveLength(40);
    expect(() => TrackingNumber.of(anything, 'A'.repeat(MAX_TRACKING_NUMBER_LENGTH + 1))).toThrow(
      expect.objectContaining({ constructor: ValidationError, field: 'trackingNumber' }),
    );
  });

  it('FUL-2: two numbers are equal when carrier and normalised value are', () => {
    expect(
      TrackingNumber.of(chinaPost, 'lx123456789cn').equals(TrackingNumber.of(chinaPost, 'LX123456789CN')),
    ).toBe(true);
    expect(
      TrackingNumber.of(anything, 'LX123456789CN').equals(TrackingNumber.of(chinaPost, 'LX123456789CN')),
    ).toBe(false);
  });
});
