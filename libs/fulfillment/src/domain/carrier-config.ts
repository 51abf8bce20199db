import { ValidationError } from '@tradehub/kernel';
import { assertValidCarrier, Carrier, CARRIER_KINDS, CarrierKind } from './carrier';

/**
 * FUL-1: reads the carrier list from configuration, replacing the default list. Accepts the JSON
 * text (as an environment variable holds it) or the parsed value:
 * `[{ "code": "DHL", "name": "DHL Express", "kind": "online_carrier", "trackingPattern": "^\\d{10}$" }]`.
 */
export function parseCarrierConfig(json: unknown, field = 'carriers'): Carrier[] {
  const value = typeof json === 'string' ? parseJson(json, field) : json;
  if (!Array.isArray(value)) throw new ValidationError('must be a JSON array of carriers', field);
  return value.map((entry: unknown, i) => parseCarrier(entry, `${field}[${i}]`));
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('is not valid JSON', field);
  }
}

function parseCarrier(entry: unknown, field: string): Carrier {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ValidationError('must be an object { code, name, kind, trackingPattern }', field);
  }
  const raw = entry as Record<string, unknown>;
  const kind = requireString(raw, 'kind', field);
  if (!(CARRIER_KINDS as readonly string[]).includes(kind)) {
    throw new ValidationError(`must be one of ${CARRIER_KINDS.join(', ')}`, `${field}.kind`);
  }
  const carrier: Carrier = {
    code: requireString(raw, 'code', field),
    name: requireString(raw, 'name', field),
    kind: kind as CarrierKind,
    trackingPattern: compilePattern(requireString(raw, 'trackingPattern', field), `${field}.trackingPattern`),
  };
  assertValidCarrier(carrier, field);
  return carrier;
}

function requireString(raw: Record<string, unknown>, key: string, field: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ValidationError('is required and must be a non-empty string', `${field}.${key}`);
  }
  return value.trim();
}

function compilePattern(source: string, field: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new ValidationError('is not a valid regular expression', field);
  }
}
