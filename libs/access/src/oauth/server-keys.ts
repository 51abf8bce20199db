import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Sql } from '@tradehub/platform';

export interface ServerKeys {
  /** The private signing key (RS256) as a JWK with its `kid`. */
  signing: JWK;
  /** Keys of the interaction and session cookies' signatures. */
  cookies: string[];
}

/**
 * The keys every replica must share, made by the first process to start and read by the others:
 * an insert that loses the race reads the winner's. They never leave the database except as the
 * public JWKS.
 */
export async function loadServerKeys(sql: Sql): Promise<ServerKeys> {
  const signing = await ensure(sql, 'signing-rs256', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  });
  const cookies = await ensure(sql, 'cookie-keys', async () => [randomBytes(32).toString('base64url')]);
  return { signing: signing as JWK, cookies: cookies as string[] };
}

async function ensure(sql: Sql, name: string, make: () => Promise<unknown>): Promise<unknown> {
  const read = async () =>
    (await sql.query<{ value: unknown }>(`select value from access.server_keys where name = ?`, [name]))[0]
      ?.value;
  // Made only when missing (an RSA key pair takes a noticeable part of a second): every later start reads it.
  const stored = await read();
  if (stored !== undefined) return stored;
  await sql.query(
    `insert into access.server_keys (name, value) values (?, ?::jsonb) on conflict (name) do nothing`,
    [name, JSON.stringify(await make())],
  );
  return read();
}
/** The public half of a signing JWK. */
export function publicJwk(jwk: JWK): JWK {
  const { kid, kty, n, e, alg, use } = jwk;
  return { kid, kty, n, e, alg, use };
}
