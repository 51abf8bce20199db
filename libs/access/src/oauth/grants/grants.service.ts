import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tradehub/kernel';
import { requestContext, SystemClock, type Tx, UnitOfWork } from '@tradehub/platform';
import { AppGrant } from './app-grant';

export interface ConsentInput {
  grantId: string;
  clientId: string;
  accountId: string;
  organisationId: string;
  storeIds: string[];
  mainAccountIds: string[];
  scopes: string[];
}

export interface GrantView {
  grantId: string;
  clientId: string;
  appName: string;
  grantedBy: string;
  storeIds: string[];
  mainAccountIds: string[];
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  /** Tokens of it are accepted: not revoked, and not ended by the server (expired, a reused refresh token). */
  active: boolean;
}

const grantNotFound = () => new NotFoundError('GRANT_NOT_FOUND', 'no such grant');

/**
 * API-1: partner apps' grants as a seller admin sees and changes them. A change is one
 * transaction with the OAuth server's own rows: revoking deletes the grant and every refresh
 * token and code of it, so the next call with a token issued before is refused.
 */
@Injectable()
export class GrantsService {
  private readonly clock = new SystemClock();

  constructor(private readonly database: UnitOfWork) {}

  /**
   * A seller admin's consent. An app holds one grant per organisation: a new consent (to add a
   * store, say) replaces the earlier ones, which end with their refresh tokens, as revoked.
   */
  recordConsent(input: ConsentInput): Promise<void> {
    return this.database.run(async (tx) => {
      const now = this.clock.now();
      const earlier = await tx.query<{ grant_id: string }>(
        `select grant_id from access.app_grants where client_id = ? and organisation_id = ? and revoked_at is null`,
        [input.clientId, input.organisationId],
      );
      for (const { grant_id } of earlier) {
        const old = await tx.findById(AppGrant, grant_id, true);
        if (old?.revoke(`${input.accountId} (a new consent)`, now)) await this.endServerGrant(tx, grant_id);
      }
      tx.save(AppGrant.consent({ ...input, createdAt: now }));
    });
  }

  /** A disabled app's grants end with it, each recorded as revoked. */
  async revokeAllOfApp(tx: Tx, clientId: string, by: string): Promise<void> {
    const live = await tx.query<{ grant_id: string }>(
      `select grant_id from access.app_grants where client_id = ? and revoked_at is null`,
      [clientId],
    );
    for (const { grant_id } of live) {
      const grant = await tx.findById(AppGrant, grant_id, true);
      if (grant?.revoke(`${by} (the app was disabled)`, this.clock.now()))
        await this.endServerGrant(tx, grant_id);
    }
  }

  private endServerGrant(tx: Tx, grantId: string): Promise<unknown> {
    return tx.query(`delete from access.oidc_model where (kind = 'Grant' and id = ?) or grant_id = ?`, [
      grantId,
      grantId,
    ]);
  }

  async appName(clientId: string): Promise<string | undefined> {
    const [row] = await this.database.direct.query<{ name: string }>(
      `select name from access.apps where client_id = ?`,
      [clientId],
    );
    return row?.name;
  }

  async list(organisationId: string, includeRevoked: boolean): Promise<GrantView[]> {
    const rows = await this.database.direct.query<Record<string, unknown>>(
      `select g.*, a.name as app_name,
              exists (select 1 from access.oidc_model m where m.kind = 'Grant' and m.id = g.grant_id
                       and (m.expires_at is null or m.expires_at > now())) as live
         from access.app_grants g join access.apps a using (client_id)
        where g.organisation_id = ? ${includeRevoked ? '' : 'and g.revoked_at is null'}
        order by g.created_at desc, g.grant_id`,
      [organisationId],
    );
    return rows.map(view);
  }

  /** An admin narrows or widens what a grant covers, within their organisation. */
  reshape(
    organisationId: string,
    grantId: string,
    storeIds: string[],
    mainAccountIds: string[],
  ): Promise<GrantView> {
    return this.database.run(async () => {
      const grant = await this.ofOrganisation(organisationId, grantId);
      grant.reshape(storeIds, mainAccountIds);
      return this.viewOf(grant);
    });
  }

  revoke(organisationId: string, grantId: string, by: string): Promise<GrantView> {
    return this.database.run(async (tx) => {
      const grant = await this.ofOrganisation(organisationId, grantId);
      if (grant.revoke(by, this.clock.now())) await this.endServerGrant(tx, grantId);
      return this.viewOf(grant);
    });
  }

  /** The OAuth server ended the grant (RFC 7009 revocation, a reused refresh token): recorded as revoked by the client. */
  endedByServer(grantId: string, clientId: string, route: string): Promise<void> {
    const principal = { id: clientId, kind: 'partner_app' as const, stores: [], scopes: [], clientId };
    return requestContext.run({ requestId: `oauth-${route}`, principal }, () =>
      this.database.run(async (tx) => {
        const grant = await tx.findById(AppGrant, grantId, true);
        grant?.revoke(`${clientId} (${route})`, this.clock.now());
      }),
    );
  }

  private async ofOrganisation(organisationId: string, grantId: string): Promise<AppGrant> {
    const tx = this.database.reader();
    const grant = await tx.findById(AppGrant, grantId, true);
    // Another organisation's grant answers like a missing one (API-2).
    if (!grant || grant.organisationId !== organisationId) throw grantNotFound();
    return grant;
  }

  private async viewOf(grant: AppGrant): Promise<GrantView> {
    return {
      grantId: grant.grantId,
      clientId: grant.clientId,
      appName: (await this.appName(grant.clientId)) ?? grant.clientId,
      grantedBy: grant.accountId,
      storeIds: grant.storeIds,
      mainAccountIds: grant.mainAccountIds,
      scopes: grant.scopes,
      createdAt: grant.createdAt.toISOString(),
      revokedAt: grant.revokedAt?.toISOString() ?? null,
      active: !grant.revoked,
    };
  }
}

function view(row: Record<string, unknown>): GrantView {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    grantId: row.grant_id as string,
    clientId: row.client_id as string,
    appName: row.app_name as string,
    grantedBy: row.account_id as string,
    storeIds: row.store_ids as string[],
    mainAccountIds: row.main_account_ids as string[],
    scopes: row.scopes as string[],
    createdAt: iso(row.created_at)!,
    revokedAt: iso(row.revoked_at),
    active: row.revoked_at === null && row.live === true,
  };
}
