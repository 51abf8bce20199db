/**
 * The one range of instants the API accepts, wherever an instant enters (bodies, queries,
 * cursors, Kafka messages, the sandbox clock): from 1970-01-01T00:00:00Z inclusive to
 * 2200-01-01T00:00:00Z exclusive. JavaScript reads far more (years 0 to 275760) than
 * PostgreSQL stores (no year 0, nothing past 294276), and a deadline derived from an accepted
 * instant (ship-by hours later, 90-day windows) must still be storable; this range leaves
 * those centuries of room on both sides.
 */
export const MIN_INSTANT_MS = Date.UTC(1970, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 1);

/** For messages and API docs. */
export const INSTANT_RANGE_TEXT = 'from 1970-01-01T00:00:00Z up to, not including, 2200-01-01T00:00:00Z';

export function isInstantInRange(ms: number): boolean {
  return ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS;
}

/**
 * Deadlines derived from an accepted instant (ship-by hours later, review SLAs) may lie a little
 * past the range; the API still shows them and pages over them. A year covers every such rule.
 */
export const MAX_DERIVED_INSTANT_MS = Date.UTC(2201, 0, 1);

/** The form every instant leaves the API in (`Date#toISOString`). */
const ISSUED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Exactly an instant the API can have issued: an accepted one or a deadline derived from one. */
export function isIssuedInstant(value: string): boolean {
  if (!ISSUED.test(value)) return false;
  const ms = Date.parse(value);
  return ms >= MIN_INSTANT_MS && ms < MAX_DERIVED_INSTANT_MS && new Date(ms).toISOString() === value;
}
