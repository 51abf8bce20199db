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
