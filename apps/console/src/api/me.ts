import { currentSession, subscribeToSession } from '../auth/session';
import { ApiError } from './api-error';
import { api } from './client';
import type { Me } from './types';

/** Who is signed in: their staff account, or `operator` for a platform operator (no staff account). */
export type Whoami = { kind: 'staff'; me: Me } | { kind: 'operator' };

let cached: Promise<Whoami> | undefined;

// A different person may sign in next in this tab: forget the last one when the session ends.
subscribeToSession(() => {
  if (!currentSession()) cached = undefined;
});

export function loadWhoami(): Promise<Whoami> {
  cached ??= api<Me>('/v1/access/me')
    .then((me): Whoami => ({ kind: 'staff', me }))
    .catch((error: unknown): Whoami => {
      // Only seller staff have a staff account; the API refuses other kinds of caller with FORBIDDEN.
      if (error instanceof ApiError && error.code === 'FORBIDDEN') return { kind: 'operator' };
      cached = undefined;
      throw error;
    });
  return cached;
}
