import { Logger, Provider as NestProvider } from '@nestjs/common';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { APP_CONFIG, type AppConfig, ALL_SCOPES, isScope, type Sql, UnitOfWork } from '@tradehub/platform';
import { ACCESS_POLICY, type AccessPolicy } from '../access.config';
import { FIRST_PARTY_CLIENTS, toClientMetadata } from './apps/client-metadata';
import { GrantsService } from './grants/grants.service';
import { AccessChanges } from './standing/access-changes';
import { logoutPage, signedOutPage } from './interaction/pages';
import { pgAdapter } from './pg-adapter';
import { secretMatches } from './secrets';
import { loadServerKeys, publicJwk } from './server-keys';
import type { JWK } from 'jose';

/** Where the API's tokens are valid (RFC 8707 resource, the tokens' `aud`) and who issues them. */
export interface OAuthEndpoints {
  issuer: string;
  resource: string;
}

export function oauthEndpoints(config: AppConfig): OAuthEndpoints {
  return { issuer: `${config.auth.publicUrl}/oauth`, resource: `${config.auth.publicUrl}/v1` };
}

const OIDC_SCOPES = ['openid', 'offline_access'];

const logger = new Logger('OAuthServer');

/**
 * tradehub's OAuth 2.0 authorization server (API-1), built on oidc-provider: the authorization
 * code flow with PKCE for partner apps and tradehub's own UIs, refresh tokens rotated at each use,
 * client credentials for internal services, revocation (RFC 7009), introspection (RFC 7662) and
 * discovery (RFC 8414). Access tokens are RS256 JWTs (RFC 9068) for one resource, the API.
 */
export class OAuthServer {
  constructor(
    readonly provider: Provider,
    readonly endpoints: OAuthEndpoints,
    readonly publicKeys: JWK[],
  ) {}
}

export const oauthServerProvider: NestProvider = {
  provide: OAuthServer,
  inject: [UnitOfWork, APP_CONFIG, ACCESS_POLICY, GrantsService, AccessChanges],
  useFactory: async (
    database: UnitOfWork,
    config: AppConfig,
    policy: AccessPolicy,
    grants: GrantsService,
    changes: AccessChanges,
  ): Promise<OAuthServer> => {
    const sql = database.direct;

    const endpoints = oauthEndpoints(config);
    const keys = await loadServerKeys(sql);
    const loadClient = async (clientId: string) => {
      const first = FIRST_PARTY_CLIENTS(config).find((c) => c.clientId === clientId);
      if (first) return toClientMetadata(first);
      const [row] = await sql.query<Record<string, unknown>>(
        `select client_id, kind, secret_hash, redirect_uris, scopes from access.apps
          where client_id = ? and disabled_at is null`,
        [clientId],
      );
      return row
        ? toClientMetadata({
            clientId: row.client_id as string,
            kind: row.kind as 'partner' | 'service',
            secretHash: row.secret_hash as string | null,
            redirectUris: row.redirect_uris as string[],
            scopes: row.scopes as string[],
          })
        : undefined;
    };
    const provider = new Provider(
      endpoints.issuer,
      configuration(
        endpoints,
        policy,
        keys,
        sql,
        pgAdapter(sql, loadClient, () => changes.changed()),
      ),
    );
    provider.proxy = config.auth.trustProxy;
    // Secrets are stored hashed: compare the hash of what the client presents.
    provider.Client.prototype.compareClientSecret = function compare(
      this: { clientSecret?: string },
      actual: string,
    ) {
      return Promise.resolve(secretMatches(this.clientSecret, actual));
    };
    // The server ends grants on its own (a revoked refresh token, a reused one, a replayed code):
    // the grant's record says so too, with an audit entry (CMP-6). The guard already refuses it.
    provider.on('grant.revoked', (ctx: KoaContextWithOIDC, grantId: string) => {
      const by = ctx.oidc?.client?.clientId ?? 'oauth-server';
      grants
        .endedByServer(grantId, by, String(ctx.oidc?.route ?? 'token'))
        .catch((error: unknown) =>
          logger.error(`grant ${grantId} ended by the server, not recorded: ${String(error)}`),
        );
    });
    provider.on('server_error', (_ctx: unknown, error: Error) =>
      logger.error(`OAuth server error: ${error.stack ?? error.message}`),
    );
    return new OAuthServer(provider, endpoints, [publicJwk(keys.signing)]);
  },
};

function configuration(
  endpoints: OAuthEndpoints,
  policy: AccessPolicy,
  keys: { signing: JWK; cookies: string[] },
  sql: Sql,
  adapter: ReturnType<typeof pgAdapter>,
): Configuration {
  const { resource } = endpoints;
  return {
    adapter,
    clients: [],
    jwks: { keys: [keys.signing as never] },
    cookies: { keys: keys.cookies, long: { signed: true }, short: { signed: true } },
    scopes: [...OIDC_SCOPES, ...ALL_SCOPES],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    extraClientMetadata: { properties: ['tradehub_kind'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      userinfo: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // A client may look at its own tokens only.
        allowedPolicy: async (ctx, client, token) =>
          token.clientId === undefined || token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx: KoaContextWithOIDC, indicator, client) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          const allowed = (client.scope ?? '').split(' ').filter(isScope);
          checkRequestedScopes(ctx, allowed);
          return {
            scope: allowed.join(' '),
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: policy.accessTokenSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Every code-flow client gets refresh tokens (the default also wants `offline_access`).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // The grant travels in the token (RFC 9068 tokens carry no grant id): its id for the guard, which
    // reads the grant's current state at each call, and what it covered when issued for anyone else.
    extraTokenClaims: async (_ctx, token) => {
      const grantId = (token as unknown as { grantId?: string }).grantId;
      if (!grantId) return undefined;
      const [granted] = await sql.query<{ store_ids: string[]; main_account_ids: string[] }>(
        `select store_ids, main_account_ids from access.app_grants where grant_id = ? and revoked_at is null`,
        [grantId],
      );
      return granted
        ? { gid: grantId, stores: granted.store_ids, main_accounts: granted.main_account_ids }
        : { gid: grantId };
    },
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      // tradehub's own UIs act as the signed-in person: no consent page; the API checks their roles.
      const client = ctx.oidc.client!;
      if (!isFirstParty(client) || !ctx.oidc.session?.accountId) return undefined;
      const ownGrant = await firstPartyGrant(
        ctx.oidc.provider,
        resource,
        client.clientId,
        ctx.oidc.session.accountId,
      );
      return ctx.oidc.provider.Grant.find(ownGrant);
    },
    // A partner's grant is the organisation's, not the admin's browser session's: it outlives their
    // sign-out and the session's end. tradehub's own UIs sign out with the person.
    expiresWithSession: async (ctx) => isFirstParty(ctx.oidc.client),
    ttl: {
      AccessToken: policy.accessTokenSeconds,
      ClientCredentials: policy.accessTokenSeconds,
      AuthorizationCode: policy.authorizationCodeSeconds,
      RefreshToken: policy.refreshTokenDays * 86_400,
      Grant: policy.refreshTokenDays * 86_400,
      Session: 8 * 3600,
      Interaction: 3600,
      IdToken: 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p><code>${escape(String(out.error))}</code></p><p>${escape(String(out.error_description ?? ''))}</p></main></body></html>`;
    },
  };
}

/** RFC 6749 §5.2: a scope the server does not know, or the client may not ask for, is `invalid_scope`. */
function checkRequestedScopes(ctx: KoaContextWithOIDC, allowed: readonly string[]): void {
  const requested = String(ctx.oidc.params?.scope ?? '')
    .split(' ')
    .filter(Boolean);
  for (const scope of requested) {
    if (OIDC_SCOPES.includes(scope)) continue;
    if (!isScope(scope)) throw new errors.InvalidScope('requested scope is unknown', scope);
    if (!allowed.includes(scope)) throw new errors.InvalidScope('requested scope is not allowed', scope);
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function isFirstParty(client: { metadata(): Record<string, unknown> } | undefined): boolean {
  return client?.metadata().tradehub_kind === 'first_party';
}

/**
 * The grant of tradehub's own UIs: every scope, for the resource and (listed as the server's own
 * scopes too, for discovery) as OIDC scopes. What the person may do is decided per request by the
 * guard from their roles.
 */
export async function firstPartyGrant(
  provider: Provider,
  resource: string,
  clientId: string,
  accountId: string,
): Promise<string> {
  const grant = new provider.Grant({ clientId, accountId });
  grant.addOIDCScope(ALL_SCOPES.join(' '));
  grant.addResourceScope(resource, ALL_SCOPES.join(' '));
  return grant.save();
}
