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
}

export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  kind: 'service',
  stores: '*',
  scopes: [],
});
