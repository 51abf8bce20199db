import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SystemClock } from '../clock/system-clock';
import { freezePrincipal, Principal, PrincipalKind } from './principal';
import { VerifiedTokens } from './verified-tokens';
import { ALL_SCOPES } from './scopes';

const KINDS: readonly PrincipalKind[] = ['seller_staff', 'partner_app', 'operator', 'service'];

/** How far the issuer's clock and ours may disagree before `iat` or `exp` refuse a token. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

export class InvalidToken extends Error {}

/**
 * Signed bearer tokens (HS256, key from config). The claims are shaped like the OAuth 2.0
 * access tokens to come (sub, scope, store grants), so the authorization server can replace
 * the minting without touching the guard.
 */
@Injectable()
export class TokenService {
  /** Imported once: given raw bytes, jose imports a WebCrypto key on every sign and verify. */
  private readonly key: Promise<CryptoKey>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(config.auth.jwtSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    // A refused secret fails the first sign or verify, not the process.
    this.key.catch(() => undefined);
  }

  /** Token lifetimes run on real time even in the sandbox: the simulated business clock must not expire credentials. */
  async mint(
    principal: Principal,
    ttlSeconds = 12 * 3600,
    issuedAt = Math.floor(new SystemClock().now().getTime() / 1000),
  ): Promise<string> {
    // No scopes named: a dev token opens every route its kind may call (the tests' and the demo's default).
    const claims = { kind: principal.kind, stores: principal.stores };
    return new SignJWT(principal.scopes.length ? { ...claims, scope: principal.scopes.join(' ') } : claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.id)
      .setIssuer(this.config.auth.issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(await this.key);
  }

  /** The signature check (WebCrypto HMAC, about 70 µs of node CPU) runs once per token. */
  private readonly verified = new VerifiedTokens<Principal>();

  /** Every token must say when it was issued and when it expires; both are checked on real time. */
  verify(token: string, now: Date = new SystemClock().now()): Promise<Principal> {
    return this.verified.get(token, now.getTime(), async () => {
      const { principal, exp } = await this.verifySigned(token, now);
      // Until jose would stop accepting it: its `exp` plus the tolerated skew.
      return { value: principal, acceptedUntil: (exp + TOKEN_CLOCK_SKEW_SECONDS) * 1000 };
    });
  }

  /** The token's principal (frozen: every request that presents the token shares it) and its `exp`. */
  private async verifySigned(token: string, now: Date): Promise<{ principal: Principal; exp: number }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        issuer: this.config.auth.issuer,
        algorithms: ['HS256'],
        requiredClaims: ['iat', 'exp'],
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
        currentDate: now,
      }));
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
    }
    // jose checks `iat` only against a maximum age; a token from the future is refused here.
    if ((payload.iat as number) > now.getTime() / 1000 + TOKEN_CLOCK_SKEW_SECONDS)
      throw new InvalidToken('token issued in the future');
    const kind = payload.kind as PrincipalKind;
    const stores = payload.stores;
    if (typeof payload.sub !== 'string' || !KINDS.includes(kind))
      throw new InvalidToken('token lacks sub or kind');
    if (stores !== '*' && !(Array.isArray(stores) && stores.every((s) => typeof s === 'string'))) {
      throw new InvalidToken('token lacks store grants');
    }
    if (stores === '*' && (kind === 'seller_staff' || kind === 'partner_app')) {
      throw new InvalidToken('sellers and partner apps are granted named stores only');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : ALL_SCOPES;
    const principal = freezePrincipal({
      id: payload.sub,
      kind,
      stores: stores as string[] | '*',
      scopes: [...scope],
    });
    return { principal, exp: payload.exp as number };
  }
}
