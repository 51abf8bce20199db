/**
 * FUL-2, as the server checks it: the number is normalised (no whitespace, upper case) and must
 * match the carrier's pattern as a whole. The pattern is wrapped in `^(?:...)$` like on the server,
 * since a pattern anchored only at its ends (`^a|b$`) would otherwise accept part of a number.
 */
export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

const compiled = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, new RegExp(`^(?:${pattern})$`));
    } catch {
      // A pattern this browser cannot read: leave the check to the server.
      compiled.set(pattern, null);
    }
  }
  return compiled.get(pattern)!;
}

export function matchesTrackingPattern(pattern: string, raw: string): boolean {
  const value = normaliseTrackingNumber(raw);
  if (!value) return false;
  const regex = compile(pattern);
  return regex ? regex.test(value) : true;
}
