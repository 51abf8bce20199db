import { CLIENT_ID, redirectUri } from './config';
import { serverMetadata } from './discovery';
import { saveTokens, type TokenResponse } from './session';
import { PENDING_KEY, type PendingSignIn } from './sign-in';
import { readItem, removeItem } from './storage';
import { OAuthError, postForm } from './token-endpoint';

const inFlight = new Map<string, Promise<void>>();

/**
 * Finishes a sign-in on /console/callback: checks `state` against the one this tab sent, then
 * trades the code and the PKCE verifier for tokens. A code is good once, so a second call for the
 * same query (React's development double effects) shares the first exchange.
 */
export function completeSignIn(search: string): Promise<void> {
  let exchange = inFlight.get(search);
  if (!exchange) {
    exchange = exchangeCode(new URLSearchParams(search));
    inFlight.set(search, exchange);
  }
  return exchange;
}

async function exchangeCode(params: URLSearchParams): Promise<void> {
  const error = params.get('error');
  if (error) throw new OAuthError(error, params.get('error_description') ?? undefined, 400);
  const pending = readPending();
  removeItem(PENDING_KEY);
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new OAuthError('invalid_state', 'This sign-in was not started here, or was already used.', 400);
  }
  const meta = await serverMetadata();
  // RFC 9207: the answer names its issuer; a code from another server is never sent to this one.
  const issuer = params.get('iss');
  if (issuer !== null && issuer !== meta.issuer) {
    throw new OAuthError('invalid_issuer', 'The sign-in answer came from another server.', 400);
  }
  const tokens = await postForm<TokenResponse>(meta.token_endpoint, {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code,
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  saveTokens(tokens);
}

function readPending(): PendingSignIn | null {
  try {
    const raw = readItem(PENDING_KEY);
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}
