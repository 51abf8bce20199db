import { RuleViolation, ValidationError } from '@tradehub/kernel';

export const CARRIER_KINDS = ['marketplace_logistics', 'online_carrier'] as const;

/** FUL-1: the marketplace's own logistics service (无忧物流) or an approved online-shipping carrier. */
export type CarrierKind = (typeof CARRIER_KINDS)[number];

/** FUL-1: an approved shipping channel and the shape of its tracking numbers (FUL-2). */
export interface Carrier {
  /** Stable upper-case code, e.g. `CAINIAO`, `4PX`. */
  readonly code: string;
  readonly name: string;
  readonly kind: CarrierKind;
  /** Anchored (`^...$`); matched against the normalised number as a whole. */
  readonly trackingPattern: RegExp;
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_]{1,31}$/;
/** Patterns come from configuration; a bound keeps them readable and their matching cheap. */
export const MAX_TRACKING_PATTERN_LENGTH = 200;

/**
 * FUL-2: whether `value` matches the pattern as a whole. The pattern is wrapped in `^(?:...)$` so
 * that an alternation anchored only at its ends (`^a|b$`) cannot match a part of the number, and
 * rebuilt without `g`/`y` so no `lastIndex` state leaks between calls.
 */
export function matchesTrackingPattern(pattern: RegExp, value: string): boolean {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, '')).test(value);
}

/** FUL-1: checks one carrier definition; `field` locates it in the configuration. */
export function assertValidCarrier(carrier: Carrier, field: string): void {
  if (!CODE_PATTERN.test(carrier.code)) {
    throw new ValidationError('must be 2-32 upper-case letters, digits or underscores', `${field}.code`);
  }
  if (carrier.name.trim().length === 0) throw new ValidationError('is required', `${field}.name`);
  if (!CARRIER_KINDS.includes(carrier.kind)) {
    throw new ValidationError(`must be one of ${CARRIER_KINDS.join(', ')}`, `${field}.kind`);
  }
  const source = carrier.trackingPattern.source;
  if (source.length > MAX_TRACKING_PATTERN_LENGTH) {
    throw new ValidationError(
      `must be at most ${MAX_TRACKING_PATTERN_LENGTH} characters`,
      `${field}.trackingPattern`,
    );
  }
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) {
    throw new ValidationError('must be anchored: start with ^ and end with $', `${field}.trackingPattern`);
  }
}

/** FUL-1: the approved carrier list. Built once from configuration; refuses a malformed list. */
export class CarrierCatalog {
  private readonly byCode: ReadonlyMap<string, Carrier>;

  constructor(carriers: readonly Carrier[], field = 'carriers') {
    if (carriers.length === 0) throw new ValidationError('must list at least one carrier', field);
    const byCode = new Map<string, Carrier>();
    carriers.forEach((carrier, i) => {
      assertValidCarrier(carrier, `${field}[${i}]`);
      if (byCode.has(carrier.code)) {
        throw new ValidationError(`duplicate carrier code '${carrier.code}'`, `${field}[${i}].code`);
      }
      byCode.set(carrier.code, Object.freeze({ ...carrier }));
    });
    this.byCode = byCode;
  }

  /** Looks a code up case-insensitively (ERP partners send `dhl` as often as `DHL`). */
  find(code: string): Carrier | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  /** FUL-1: only approved channels may confirm a shipment. */
  require(code: string, field = 'carrierCode'): Carrier {
    const carrier = this.find(code);
    if (!carrier) {
      throw new RuleViolation('UNKNOWN_CARRIER', `'${code}' is not an approved carrier`, field);
    }
    return carrier;
  }

  list(): readonly Carrier[] {
    return [...this.byCode.values()];
  }
}
