import { METADATA_PATH } from './config';

export interface ServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  scopes_supported: string[];
}

/** OpenID scopes the server lists beside the API's; the console asks for the API's scopes only. */
const NOT_API_SCOPES = new Set(['openid', 'offline_access']);

let metadata: Promise<ServerMetadata> | undefined;

/** The server's endpoints, read once per page (a failed read is retried next time). */
export function serverMetadata(): Promise<ServerMetadata> {
  metadata ??= fetch(METADATA_PATH, { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`OAuth metadata: HTTP ${response.status}`);
      return (await response.json()) as ServerMetadata;
    })
    .catch((error: unknown) => {
      metadata = undefined;
      throw error;
    });
  return metadata;
}

/**
 * Every API scope the server offers: tradehub's own UIs act as the person who signs in, whose
 * roles narrow what each call may do on the server.
 */
export function apiScopes(meta: ServerMetadata): string {
  return (meta.scopes_supported ?? []).filter((scope) => !NOT_API_SCOPES.has(scope)).join(' ');
}
