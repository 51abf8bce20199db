import { ValidationError } from './domain-error';
import { isUuid } from './ids';
import { isIssuedInstant } from './instant';

/** The one pagination shape: an opaque cursor carrying the sort key of the last row seen. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** PostgreSQL bigint, the type of sequence columns. */
const MAX_BIGINT = 2n ** 63n - 1n;

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The key of a cursor this API issued. Base64url decoding skips characters it does not know,
 * so a cursor is accepted only when encoding its key gives back the very same text.
 */
export function decodeCursor(cursor: string, field = 'cursor'): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number') &&
      encodeCursor(parsed) === cursor
    ) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through to the validation error below
  }
  throw refused(field);
}

/**
 * A keyset cursor that ends in (instant, uuid) exactly as every time-ordered list issues it:
 * the instant as `toISOString()` of an accepted or derived instant, the id as a lower-case UUID.
 * Anything else is refused, so nothing unchecked reaches a query.
 */
export function decodeTimeCursor(
  cursor: string,
  field = 'cursor',
): { prefix: (string | number)[]; at: string; id: string } {
  const parts = decodeCursor(cursor, field);
  if (parts.length < 2) throw refused(field);
  const [at, id] = parts.slice(-2);
  if (typeof at !== 'string' || !isIssuedInstant(at)) throw refused(field);
  if (typeof id !== 'string' || !isUuid(id) || id !== id.toLowerCase()) throw refused(field);
  return { prefix: parts.slice(0, -2), at, id };
}

/** A cursor of one bigint sequence number, as a decimal string without leading zeros. */
export function decodeSequenceCursor(cursor: string, field = 'cursor'): string {
  const parts = decodeCursor(cursor, field);
  const [seq] = parts;
  if (
    parts.length !== 1 ||
    typeof seq !== 'string' ||
    !/^[1-9]\d{0,18}$/.test(seq) ||
    BigInt(seq) > MAX_BIGINT
  )
    throw refused(field);
  return seq;
}

function refused(field: string): ValidationError {
  return new ValidationError('is not a cursor this API issued', field);
}
