import type { AppConfig } from '@tradehub/platform';
import { ALL_SCOPES } from '@tradehub/platform';
import type { ClientMetadata } from 'oidc-provider';
import type { AppKind } from './app';

export interface ClientShape {
  clientId: string;
  kind: AppKind;
  secretHash: string | null;
  redirectUris: string[];
  scopes: string[];
}

export const FIRST_PARTY_CLIENT_IDS = ['swagger-ui', 'tradehub-console'];

/** tradehub's own UIs: public clients (PKCE, no secret) that act as the staff member who signs in. */
export function FIRST_PARTY_CLIENTS(config: AppConfig): ClientShape[] {
  const base = config.auth.publicUrl;
  return [
    {
      clientId: 'swagger-ui',
      kind: 'first_party',
      secretHash: null,
      redirectUris: [`${base}/docs/oauth2-redirect.html`],
      scopes: ALL_SCOPES,
    },
    {
      clientId: 'tradehub-console',
      kind: 'first_party',
      secretHash: null,
      redirectUris: [`${base}/console/callback`],
      scopes: ALL_SCOPES,
    },
  ];
}

/** A registered app as oidc-provider's client metadata. */
export function toClientMetadata(app: ClientShape): ClientMetadata {
  const common = { client_id: app.clientId, scope: app.scopes.join(' '), tradehub_kind: app.kind };
  if (app.kind === 'service')
    return {
      ...common,
      client_secret: app.secretHash ?? undefined,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    };
  if (app.kind === 'first_party')
    return {
      ...common,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: app.redirectUris,
      token_endpoint_auth_method: 'none',
    };
  return {
    ...common,
    client_secret: app.secretHash ?? undefined,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: app.redirectUris,
    token_endpoint_auth_method: 'client_secret_basic',
  };
}
