import { PATHS } from '../routing/paths';
import { navigate } from '../routing/router';
import { CLIENT_ID } from './config';
import { serverMetadata } from './discovery';
import { clearSession, currentSession } from './session';
import { postForm } from './token-endpoint';

/**
 * Revokes the refresh token (RFC 7009; the server ends the grant, so the access token stops
 * working too), forgets the tokens and shows the landing page. The local sign-out happens even
 * when the server cannot be reached.
 */
export async function signOut(): Promise<void> {
  const session = currentSession();
  try {
    if (session?.refreshToken) {
      const meta = await serverMetadata();
      await postForm(meta.revocation_endpoint, {
        token: session.refreshToken,
        token_type_hint: 'refresh_token',
        client_id: CLIENT_ID,
      });
    }
  } catch {
    // Nothing more to do: the tokens are dropped below either way.
  } finally {
    clearSession();
    navigate(PATHS.landing);
  }
}
