/**
 * Who is calling. Every request carries one, read from a signed bearer token; the token's
 * grants say which stores the caller may touch (API-1, API-2).
 */
export type PrincipalKind = 'seller_staff' | 'partner_app' | 'operator' | 'service';

export interface Principal {
  /** Stable subject id, e.g. a staff user id or an OAuth client id. */
  readonly id: string;
  readonly kind: PrincipalKind;
  /** Store ids granted; `'*'` for platform operators and internal services. */
  readonly stores: readonly string[] | '*';
  readonly scopes: readonly string[];
  /** The OAuth 2.0 client the token was issued to (partner apps, services, the console); rate limits count per client. */
  readonly clientId?: string;
}

/**
 * Verifies the access tokens tradehub's OAuth 2.0 server issues (API-1): signature, audience and
 * whether the grant behind it still holds, read at each request so a revocation applies at once.
 * The access module provides it; the guard uses it for every token that is not a dev token.
 */
export abstract class IssuedTokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}

export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  kind: 'service',
  stores: '*',
  scopes: [],
});

/** Frozen with its lists: every request that presents the same token shares one principal. */
export function freezePrincipal(principal: Principal): Principal {
  if (Array.isArray(principal.stores)) Object.freeze(principal.stores);
  Object.freeze(principal.scopes);
  return Object.freeze(principal);
}
