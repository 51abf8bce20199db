import { ValidationError } from '@tradehub/kernel';
import { Carrier, matchesTrackingPattern } from './carrier';
import { TrackingNumberInvalid } from './fulfillment.errors';

export const MAX_TRACKING_NUMBER_LENGTH = 40;

/** FUL-2: the one spelling of a number: trimmed, upper case, no whitespace anywhere. */
export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** FUL-2: a tracking number that matches its carrier's pattern. Once built, the rest of the code trusts it. */
export class TrackingNumber {
  private constructor(
    readonly carrierCode: string,
    readonly value: string,
  ) {}

  /** FUL-2: normalises `raw` and checks it against the carrier's pattern. */
  static of(carrier: Carrier, raw: unknown, field = 'trackingNumber'): TrackingNumber {
    if (typeof raw !== 'string') throw new ValidationError('must be a string', field);
    const value = normaliseTrackingNumber(raw);
    if (value.length === 0) throw new ValidationError('is required', field);
    if (value.length > MAX_TRACKING_NUMBER_LENGTH) {
      throw new ValidationError(`must be at most ${MAX_TRACKING_NUMBER_LENGTH} characters`, field);
    }
    if (!matchesTrackingPattern(carrier.trackingPattern, value)) {
      throw new TrackingNumberInvalid(carrier.code, field);
    }
    return new TrackingNumber(carrier.code, value);
  }

  equals(other: TrackingNumber): boolean {
    return this.carrierCode === other.carrierCode && this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
