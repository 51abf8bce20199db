import { CLIENT_ID, redirectUri } from './config';
import { apiScopes, serverMetadata } from './discovery';
import { randomToken, s256Challenge } from './pkce';
import { writeItem } from './storage';

/** What the callback needs to finish this sign-in: checked `state`, and the PKCE verifier. */
export const PENDING_KEY = 'tradehub.pendingSignIn';

export interface PendingSignIn {
  state: string;
  verifier: string;
}

/**
 * Sends the browser to tradehub's sign-in page (authorization code + PKCE S256). `prompt=login`
 * always asks for credentials, so after "Sign out" the next person signs in as themselves rather
 * than riding on the server's remembered sign-in.
 */
export async function startSignIn(): Promise<void> {
  const meta = await serverMetadata();
  const pending: PendingSignIn = { state: randomToken(), verifier: randomToken() };
  writeItem(PENDING_KEY, JSON.stringify(pending));
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: apiScopes(meta),
    state: pending.state,
    code_challenge: await s256Challenge(pending.verifier),
    code_challenge_method: 'S256',
    prompt: 'login',
  });
  location.assign(`${meta.authorization_endpoint}?${query}`);
}
