import { ValidationError } from './domain-error';
import { isUuid } from './ids';

/** The one pagination shape: an opaque cursor carrying the sort key of the last row seen. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'cursor'): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through to the validation error below
  }
  throw new ValidationError('is not a cursor this API issued', field);
}

/** A keyset cursor that ends in (instant, uuid), as every time-ordered list issues it; anything else is refused. */
export function decodeTimeCursor(
  cursor: string,
  field = 'cursor',
): { prefix: (string | number)[]; at: string; id: string } {
  const parts = decodeCursor(cursor, field);
  const [at, id] = parts.slice(-2);
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !isUuid(id)) {
    throw new ValidationError('is not a cursor this API issued', field);
  }
  return { prefix: parts.slice(0, -2), at, id };
}
