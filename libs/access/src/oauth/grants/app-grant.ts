import { AggregateRoot, RuleViolation } from '@tradehub/kernel';

export interface AppGrantState {
  /** oidc-provider's grant id: access tokens carry it (`gid`), refresh tokens hang off it. */
  grantId: string;
  clientId: string;
  /** The seller admin who consented. */
  accountId: string;
  organisationId: string;
  storeIds: string[];
  /** Whole main accounts: the stores that join them later are covered too. */
  mainAccountIds: string[];
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  version: number;
}

/**
 * API-1: what a seller's admin granted a partner app — chosen stores and whole main accounts, and
 * scopes. Every API call with the app's tokens reads it afresh, so narrowing or revoking it takes
 * effect at the next call.
 */
export class AppGrant extends AggregateRoot implements AppGrantState {
  grantId!: string;
  clientId!: string;
  accountId!: string;
  organisationId!: string;
  storeIds!: string[];
  mainAccountIds!: string[];
  scopes!: string[];
  createdAt!: Date;
  revokedAt!: Date | null;
  revokedBy!: string | null;
  version!: number;

  constructor(state: AppGrantState) {
    super();
    Object.assign(this, state);
  }

  get id(): string {
    return this.grantId;
  }

  get aggregateType(): string {
    return 'app-grant';
  }

  get storeId(): null {
    return null;
  }

  static consent(state: Omit<AppGrantState, 'revokedAt' | 'revokedBy' | 'version'>): AppGrant {
    if (!state.storeIds.length && !state.mainAccountIds.length)
      throw new RuleViolation('GRANT_EMPTY', 'choose at least one store or main account', 'storeIds');
    const grant = new AppGrant({ ...state, revokedAt: null, revokedBy: null, version: 1 });
    grant.changed('app-grant.consented');
    return grant;
  }

  get revoked(): boolean {
    return this.revokedAt !== null;
  }

  /** The stores and main accounts the grant covers from now on (an admin removing a store). */
  reshape(storeIds: string[], mainAccountIds: string[]): void {
    this.mustBeLive();
    if (!storeIds.length && !mainAccountIds.length)
      throw new RuleViolation(
        'GRANT_EMPTY',
        'a grant keeps at least one store or main account; revoke it instead',
        'storeIds',
      );
    this.storeIds = [...new Set(storeIds)];
    this.mainAccountIds = [...new Set(mainAccountIds)];
    this.changed('app-grant.changed');
  }

  /** Revoked once; revoking again is a retry and changes nothing. */
  revoke(by: string, now: Date): boolean {
    if (this.revoked) return false;
    this.revokedAt = now;
    this.revokedBy = by;
    this.changed('app-grant.revoked');
    return true;
  }

  private mustBeLive(): void {
    if (this.revoked) throw new RuleViolation('GRANT_REVOKED', 'the grant was revoked');
  }
}
