import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { operatorHeaders } from './demo-api';

// What a partner app does against tradehub's OAuth 2.0 server (API-1), with Playwright's `request`:
// discovery, client authentication (HTTP Basic), the token endpoint, PKCE.

/** A lower-case id part unique to this run (client ids are lower-case). */
export const runId = (): string => `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`;

export interface OAuthMetadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

/** RFC 8414 metadata of tradehub's authorization server (its issuer is `<base>/oauth`). */
export async function oauthMetadata(request: APIRequestContext): Promise<OAuthMetadata> {
  const response = await request.get('/.well-known/oauth-authorization-server/oauth');
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as OAuthMetadata;
}

/** RFC 6749 §2.3.1: client id and secret, each form-encoded, as HTTP Basic. */
export function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export interface TokenAnswer {
  status: number;
  body: {
    access_token?: string;
    refresh_token?: string;
    scope?: string;
    error?: string;
  };
}

/** A form-encoded POST to the token endpoint with the client's credentials. */
export async function tokenRequest(
  request: APIRequestContext,
  metadata: OAuthMetadata,
  client: { clientId: string; secret: string },
  form: Record<string, string>,
): Promise<TokenAnswer> {
  const response = await request.post(metadata.token_endpoint, {
    form,
    headers: { authorization: basicAuth(client.clientId, client.secret) },
  });
  return { status: response.status(), body: (await response.json()) as TokenAnswer['body'] };
}

/** RFC 7636: a verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Registers an app through the API as the sandbox's operator; answers it with its secret. */
export async function registerApp(
  request: APIRequestContext,
  app: {
    clientId: string;
    name: string;
    kind: 'partner' | 'service';
    redirectUris: string[];
    scopes: string[];
  },
): Promise<{ clientId: string; clientSecret: string }> {
  const response = await request.post('/v1/access/apps', { headers: operatorHeaders(), data: app });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { clientId: string; clientSecret: string };
}
