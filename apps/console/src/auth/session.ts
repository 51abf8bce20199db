import { nowMs } from '../time/now';
import { readItem, removeItem, writeItem } from './storage';

export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
  scope?: string;
}

const KEY = 'tradehub.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    return typeof value.accessToken === 'string' && typeof value.expiresAt === 'number'
      ? {
          accessToken: value.accessToken,
          refreshToken: value.refreshToken ?? null,
          expiresAt: value.expiresAt,
        }
      : null;
  } catch {
    return null;
  }
}

/** The tab's tokens (kept in sessionStorage: gone with the tab, never shared with other tabs). */
export function currentSession(): Session | null {
  if (cached === undefined) cached = parse(readItem(KEY));
  return cached;
}

/** Stores a token answer; a rotated refresh token replaces the old one, which is now spent. */
export function saveTokens(tokens: TokenResponse, previous: Session | null = null): Session {
  const session: Session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: nowMs() + (tokens.expires_in ?? 300) * 1000,
  };
  writeItem(KEY, JSON.stringify(session));
  cached = session;
  listeners.forEach((listener) => listener());
  return session;
}

export function clearSession(): void {
  removeItem(KEY);
  cached = null;
  listeners.forEach((listener) => listener());
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
