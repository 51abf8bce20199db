import { ConnectionException } from '@mikro-orm/postgresql';

/** SQLSTATEs that mean the server cannot serve now (shutdown, restart, connection lost, too many connections). */
const UNAVAILABLE_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether a failure is the database being unreachable rather than a fault of the request: such a
 * request is answered 503 with Retry-After (its transaction rolled back, so nothing was applied).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof ConnectionException) return true;
    const e = cause as {
      code?: unknown;
      sqlState?: unknown;
      message?: unknown;
      cause?: unknown;
      previous?: unknown;
    };
    if (typeof e.code === 'string' && UNAVAILABLE_STATES.has(e.code)) return true;
    if (typeof e.sqlState === 'string' && UNAVAILABLE_STATES.has(e.sqlState)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    cause = e.cause ?? e.previous;
  }
  return false;
}
