import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SystemClock } from '../clock/system-clock';
import { Principal, PrincipalKind } from './principal';

const KINDS: readonly PrincipalKind[] = ['seller_staff', 'partner_app', 'operator', 'service'];

export class InvalidToken extends Error {}

/**
 * Signed bearer tokens (HS256, key from config). The claims are shaped like the OAuth 2.0
 * access tokens to come (sub, scope, store grants), so the authorization server can replace
 * the minting without touching the guard.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  /** Token lifetimes run on real time even in the sandbox: the simulated business clock must not expire credentials. */
  async mint(
    principal: Principal,
    ttlSeconds = 12 * 3600,
    issuedAt = Math.floor(new SystemClock().now().getTime() / 1000),
  ): Promise<string> {
    return new SignJWT({ kind: principal.kind, stores: principal.stores, scope: principal.scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.id)
      .setIssuer(this.config.auth.issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: this.config.auth.issuer,
        algorithms: ['HS256'],
      }));
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
    }
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
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { id: payload.sub, kind, stores: stores as string[] | '*', scopes: scope };
  }
}
