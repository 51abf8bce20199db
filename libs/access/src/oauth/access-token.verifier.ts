import { Inject, Injectable } from '@nestjs/common';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import {
  APP_CONFIG,
  type AppConfig,
  InvalidToken,
  IssuedTokenVerifier,
  type Principal,
  problem,
  ProblemException,
  SystemClock,
  VerifiedTokens,
  freezePrincipal,
  UnitOfWork,
} from '@tradehub/platform';
import { ACCESS_POLICY, type AccessPolicy } from '../access.config';
import { AccessChanges } from './standing/access-changes';
import { RateLeases } from './standing/rate-leases';
import { StandingCache } from './standing/standing-cache';
import { scopesOfRoles } from '../roles';
import { FIRST_PARTY_CLIENTS } from './apps/client-metadata';
import { OAuthServer } from './oauth-server';

interface Standing {
  app_kind: string | null;
  app_disabled: boolean | null;
  app_scopes: string[] | null;
  rate_limit: number;
  has_app_grant: boolean;
  grant_revoked: boolean;
  granted_scopes: string[] | null;
  grant_exists: boolean;
  grant_expires_at: Date | null;
  realm: string | null;
  roles: string[] | null;
  staff_disabled: boolean | null;
  stores: string[];
}

type Claims = JWTPayload & { client_id: string; scope?: string; gid?: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * API-1: an access token of tradehub's OAuth 2.0 server is accepted when its RS256 signature,
 * issuer, audience and lifetime hold, its app is enabled, its grant still exists (not revoked,
 * not ended by a reused refresh token), and the client is within its rate limit. What it may
 * touch follows the same standing: a partner's stores from its grant (a main account's stores as
 * they are now), a staff member's from their roles. The standing is kept in memory until a change
 * to it is announced (AccessChanges: at once on this replica, by NOTIFY on the others), and read
 * at every request while announcements cannot reach this process; the rate limit is counted in
 * leases (RateLeases).
 */
@Injectable()
export class AccessTokenVerifier extends IssuedTokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;
  private readonly firstParty: Set<string>;

  private readonly standings: StandingCache<Standing>;
  private readonly rates: RateLeases;

  constructor(
    private readonly server: OAuthServer,
    private readonly database: UnitOfWork,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    changes: AccessChanges,
  ) {
    super();
    this.keys = createLocalJWKSet({ keys: server.publicKeys });
    this.firstParty = new Set(FIRST_PARTY_CLIENTS(config).map((c) => c.clientId));
    this.standings = new StandingCache<Standing>(() => changes.announced);
    changes.onChange(() => this.standings.clear());
    this.rates = new RateLeases(
      async (budget, count) => {
        const [taken] = await this.database.direct.query<{ hits: number; window_left: string }>(LEASE, [
          budget,
          count,
        ]);
        return { hits: taken.hits, windowLeftSeconds: Number(taken.window_left) };
      },
      () => this.clock.now().getTime(),
    );
  }

  async verify(token: string): Promise<Principal> {
    const claims = await this.verifySignature(token);
    const clientId = claims.client_id;
    const sub = claims.sub!;
    const grantId = typeof claims.gid === 'string' ? claims.gid : null;
    const firstParty = this.firstParty.has(clientId);
    // tradehub's own UIs are one client for every staff member: each person has their own budget.
    const budget = firstParty ? `${clientId}:${sub}` : clientId;
    const staffId = UUID.test(sub) ? sub : null;
    const standing = await this.standings.get(`${clientId} ${grantId ?? ''} ${staffId ?? ''}`, async () => {
      const [read] = await this.database.direct.query<Standing>(STANDING, [
        this.policy.defaultRateLimitPerMinute,
        grantId,
        clientId,
        staffId,
      ]);
      return Object.freeze(read);
    });
    const admission = await this.rates.admit(budget, standing.rate_limit);
    if (!admission.admitted) {
      const retryAfter = admission.retryAfterSeconds;
      throw new ProblemException(
        problem(
          429,
          'RATE_LIMITED',
          `This client made more than ${standing.rate_limit} requests this minute; retry in ${retryAfter} s`,
        ),
        { 'retry-after': String(retryAfter) },
      );
    }
    const scopes = String(claims.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (!grantId) return this.service(clientId, sub, standing, scopes);
    if (!this.grantLive(standing)) throw new InvalidToken('the grant behind this token was revoked');
    if (firstParty) return this.staff(clientId, sub, standing, scopes);
    if (standing.app_kind !== 'partner' || standing.app_disabled)
      throw new InvalidToken('the app is disabled');
    if (!standing.has_app_grant || standing.grant_revoked)
      throw new InvalidToken('the grant behind this token was revoked');
    const allowed = new Set(
      [...(standing.granted_scopes ?? [])].filter((s) => standing.app_scopes?.includes(s)),
    );
    return freezePrincipal({
      id: clientId,
      kind: 'partner_app',
      stores: standing.stores,
      scopes: scopes.filter((s) => allowed.has(s)),
      clientId,
    });
  }

  /** The OAuth server's grant exists and has not run out (running out announces nothing). */
  private grantLive(standing: Standing): boolean {
    const expires = standing.grant_expires_at;
    return standing.grant_exists && (expires === null || new Date(expires) > this.clock.now());
  }

  /** The RSA check runs once per token; what the token may do is its standing (kept until a change is announced). */
  private readonly verified = new VerifiedTokens<Claims>();
  private readonly clock = new SystemClock();

  /** Token lifetimes run on real time, also in the sandbox. */
  private verifySignature(token: string): Promise<Claims> {
    return this.verified.get(token, this.clock.now().getTime(), async () => {
      const claims = await this.verifySigned(token);
      return { value: claims, acceptedUntil: claims.exp! * 1000 };
    });
  }

  private async verifySigned(token: string): Promise<Claims> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.server.endpoints.issuer,
        audience: this.server.endpoints.resource,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
      });
      if (typeof payload.client_id !== 'string') throw new InvalidToken('token lacks client_id');
      return Object.freeze(payload) as Claims;
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
    }
  }

  private service(clientId: string, sub: string, standing: Standing, scopes: string[]): Principal {
    if (sub !== clientId || standing.app_kind !== 'service' || standing.app_disabled)
      throw new InvalidToken('the client is not an enabled service');
    return freezePrincipal({
      id: clientId,
      kind: 'service',
      stores: '*',
      scopes: scopes.filter((s) => standing.app_scopes?.includes(s)),
      clientId,
    });
  }

  private staff(clientId: string, sub: string, standing: Standing, scopes: string[]): Principal {
    if (!standing.realm || standing.staff_disabled) throw new InvalidToken('the staff account is disabled');
    const allowed = new Set<string>(scopesOfRoles(standing.roles ?? []));
    const held = scopes.filter((s) => allowed.has(s));
    return standing.realm === 'platform'
      ? freezePrincipal({ id: sub, kind: 'operator', stores: '*', scopes: held, clientId })
      : freezePrincipal({ id: sub, kind: 'seller_staff', stores: standing.stores, scopes: held, clientId });
  }
}

/** The app, grant and staff member behind a token, and the client's rate limit (standing-changes.migration). */
const STANDING = `select * from access.token_standing_read(?, ?, ?, ?::uuid)`;
/** A lease of requests from the budget's minute. */
const LEASE = `select * from access.rate_lease(?, ?)`;
