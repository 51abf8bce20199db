import { PATHS } from '../routing/paths';

/** The console's registration on tradehub's OAuth 2.0 server: a public client (PKCE, no secret). */
export const CLIENT_ID = 'tradehub-console';

/** Must equal the registered redirect URI, `${publicUrl}/console/callback`. */
export function redirectUri(): string {
  return `${location.origin}${PATHS.callback}`;
}

/** RFC 8414 metadata of the issuer `${origin}/oauth`. */
export const METADATA_PATH = '/oauth/.well-known/oauth-authorization-server';
