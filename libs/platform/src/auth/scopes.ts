import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOAuth2 } from '@nestjs/swagger';

/**
 * API-1: the OAuth 2.0 scopes a token may carry, and what each one opens. Every route declares
 * the one it needs (`@RequiredScope`); a token without it gets 403 naming the scope.
 */
export const SCOPES = {
  'orders:read': 'Read orders, packages, tracking, carriers and review tasks',
  'orders:write': 'Ingest and cancel orders',
  'shipments:write': 'Confirm shipments and upload pickup proofs',
  'tracking:write': 'Record carrier scans (logistics)',
  'refunds:read': 'Read refund, return and dispute requests and their evidence',
  'refunds:write': 'Answer refund requests, inspect returns, escalate, upload evidence',
  'reviews:read': 'Read buyer reviews, ratings and the negative-review tendency',
  'reviews:write': 'Reply to reviews; receive buyer reviews (service)',
  'settlement:read': 'Read balances, the ledger, releases and payouts',
  'settlement:write': 'Request withdrawals and quotes',
  'compliance:read': 'Read standing, trade analysis, penalties and the risk board',
  'review-tasks:decide': 'Decide logistics proof and abnormal-logistics review tasks (operators)',
  'arbitration:decide': 'Decide escalated disputes (operators)',
  'settlement:operate': 'Release held settlements and operate payouts (operators)',
  'compliance:operate': 'Rebuild analytics and record appeal outcomes (operators)',
  'audit:read': 'Read the audit trail',
  'access:admin': "Manage a seller organisation's staff and app grants",
  'apps:manage': 'Register partner and service apps (operators)',
  'sandbox:clock': 'Read and advance the sandbox clock (sandbox only)',
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export const REQUIRED_SCOPE = 'tradehub:required-scope';

/** The name of the OAuth 2.0 security scheme in the OpenAPI document. */
export const OAUTH2_SCHEME = 'oauth2';

/** The scope a route needs; shown in Swagger as the operation's OAuth 2.0 requirement. */
export const RequiredScope = (scope: Scope): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiOAuth2([scope], OAUTH2_SCHEME));

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}
