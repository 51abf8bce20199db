import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Client secrets are 256 random bits, shown once. They are stored as SHA-256: a secret that strong
 * needs no memory-hard hash (that is for passwords people choose), and the token endpoint stays fast.
 */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashClientSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

export function secretMatches(storedHash: string | undefined, presented: string): boolean {
  if (!storedHash || typeof presented !== 'string') return false;
  const expected = Buffer.from(storedHash, 'utf8');
  const actual = Buffer.from(hashClientSecret(presented), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
