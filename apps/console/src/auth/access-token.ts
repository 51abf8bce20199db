import { nowMs } from '../time/now';
import { CLIENT_ID } from './config';
import { serverMetadata } from './discovery';
import { clearSession, currentSession, saveTokens, type TokenResponse } from './session';
import { OAuthError, postForm } from './token-endpoint';

/** Refresh this long before the access token expires, so no call is sent with a dying token. */
const EARLY_MS = 30_000;

let refreshing: Promise<string | null> | undefined;

/** An access token good for the next call, refreshed first when it is about to expire; null when signed out. */
export async function validAccessToken(): Promise<string | null> {
  const session = currentSession();
  if (!session) return null;
  if (session.expiresAt - nowMs() > EARLY_MS) return session.accessToken;
  return refreshAccessToken();
}

/**
 * Trades the refresh token for new tokens (the server rotates it: the new one is stored, the old
 * one is spent). One refresh at a time: concurrent callers share it, since a spent token sent
 * twice would end the whole grant. When the server refuses it the session ends (signed out).
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= refresh().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function refresh(): Promise<string | null> {
  const session = currentSession();
  if (!session?.refreshToken) {
    clearSession();
    return null;
  }
  try {
    const meta = await serverMetadata();
    const tokens = await postForm<TokenResponse>(meta.token_endpoint, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: session.refreshToken,
    });
    return saveTokens(tokens, session).accessToken;
  } catch (error) {
    // The server refused the refresh token (spent, revoked, expired): the session is over. A
    // network or server failure is no refusal; it surfaces as the failed call, to retry later.
    if (!(error instanceof OAuthError) || error.status >= 500) throw error;
    clearSession();
    return null;
  }
}
