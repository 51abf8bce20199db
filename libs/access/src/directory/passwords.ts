import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '@tradehub/kernel';

/** Staff passwords: at least this many characters (code points), and at most that many. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

/** A password a person can choose: 12 to 256 characters, any script. */
export function checkPassword(password: string, field = 'password'): string {
  const length = [...password].length;
  if (length < MIN_PASSWORD || length > MAX_PASSWORD)
    throw new ValidationError(`must be ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`, field);
  return password;
}

/**
 * argon2id (memory-hard; the library's defaults: 19 MiB, 2 passes, 1 lane, a random 16-byte salt),
 * as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) that names its own parameters.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(checkPassword(password));
}

/** Whether the password matches the hash; a malformed hash or an absurd input is simply no match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Far past any password we accept: not worth the memory-hard work, and no way to stall the server.
  if (password.length > MAX_PASSWORD * 4) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * The hash an unknown username is checked against, so an unknown name costs the same work as a
 * known one with a wrong password (no timing tells whether the name exists). Made once, of a
 * random password nobody knows.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hash(randomBytes(32).toString('base64url'));
  return dummy;
}
