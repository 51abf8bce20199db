import { ALL_SCOPES, Scope } from '@tradehub/platform';

/**
 * Staff roles and the scopes each one opens. Seller staff: an admin runs the whole organisation
 * (staff, app grants); an operator works the stores chosen for them; read-only sees the
 * organisation's stores. Platform operators are a realm of their own with duty roles.
 */
export const SELLER_ROLES = ['admin', 'operator', 'read_only'] as const;
export const PLATFORM_ROLES = [
  'logistics_reviewer',
  'arbitrator',
  'risk_officer',
  'auditor',
  'platform_admin',
] as const;

export type SellerRole = (typeof SELLER_ROLES)[number];
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type Realm = 'seller' | 'platform';

const READ: Scope[] = ALL_SCOPES.filter((s) => s.endsWith(':read') && s !== 'audit:read');
// Seller staff read their own stores' audit trail (CMP-6); platform duties other than auditing do not.
const SELLER_READ: Scope[] = [...READ, 'audit:read'];
const SELLER_WORK: Scope[] = [
  ...SELLER_READ,
  'orders:write',
  'shipments:write',
  'refunds:write',
  'reviews:write',
  'settlement:write',
];

export const ROLE_SCOPES: Record<SellerRole | PlatformRole, readonly Scope[]> = {
  admin: [...SELLER_WORK, 'access:admin'],
  operator: SELLER_WORK,
  read_only: SELLER_READ,
  logistics_reviewer: [...READ, 'review-tasks:decide', 'tracking:write'],
  arbitrator: [...READ, 'arbitration:decide'],
  risk_officer: [...READ, 'settlement:operate', 'compliance:operate'],
  auditor: [...READ, 'audit:read'],
  platform_admin: ALL_SCOPES,
};

/** The scopes a set of roles opens together. */
export function scopesOfRoles(roles: readonly string[]): Scope[] {
  const scopes = new Set<Scope>();
  for (const role of roles)
    for (const s of ROLE_SCOPES[role as SellerRole | PlatformRole] ?? []) scopes.add(s);
  return ALL_SCOPES.filter((s) => scopes.has(s));
}

/** The scopes a seller may grant an app: what their own staff could do, never operators' duties. */
export const GRANTABLE_SCOPES: readonly Scope[] = SELLER_WORK;
