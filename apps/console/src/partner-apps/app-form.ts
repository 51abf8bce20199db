import type { PartnerAppsMessages } from './messages';

/** The register and edit forms' own checks, before anything is sent (the server checks again). */

export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const MAX_REDIRECT_URIS = 10;

/** The textarea's lines as redirect URIs: trimmed, blank lines dropped. */
export function parseRedirectUris(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The rate limit field: null for empty (the deployment's default), a number, or 'invalid'. */
export function parseRateLimit(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return value >= 1 && value <= 1_000_000 ? value : 'invalid';
}

/** The chosen scopes in the offered order (the server keeps its own order too). */
export function inOrder(offered: readonly string[], chosen: ReadonlySet<string>): string[] {
  const known = offered.filter((s) => chosen.has(s));
  return known.concat([...chosen].filter((s) => !offered.includes(s)));
}

type SharedField = 'name' | 'redirectUris' | 'scopes' | 'rateLimitPerMinute';

/** What the forms' shared fields hold when submitted. */
interface SharedValues {
  name: string;
  /** A partner app (it needs redirect URIs); a service has none. */
  partner: boolean;
  uris: string[];
  scopes: string[];
  limit: number | null | 'invalid';
}

/** The checks both forms make of the fields they share: each field's problem, if any. */
export function checkSharedFields(
  p: PartnerAppsMessages,
  { name, partner, uris, scopes, limit }: SharedValues,
): Partial<Record<SharedField, string>> {
  const found: Partial<Record<SharedField, string>> = {};
  if (!name.trim()) found.name = p.nameRequired;
  if (partner && uris.length === 0) found.redirectUris = p.redirectUrisRequired;
  if (uris.length > MAX_REDIRECT_URIS) found.redirectUris = p.redirectUrisTooMany;
  if (scopes.length === 0) found.scopes = p.scopesRequired;
  if (limit === 'invalid') found.rateLimitPerMinute = p.rateLimitInvalid;
  return found;
}
