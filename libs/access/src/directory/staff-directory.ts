import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@tradehub/kernel';
import { SystemClock, UnitOfWork } from '@tradehub/platform';
import { ACCESS_POLICY, type AccessPolicy } from '../access.config';
import type { Realm } from '../roles';
import { DirectoryRepository, type OrganisationTree } from './database/directory.repository';
import { effectiveAccess, organisationNotFound, type Staff, USERNAME } from './domain';
import { dummyHash, verifyPassword } from './passwords';

/** A staff account as the sign-in, the consent page and the token verifier see it. */
export interface StaffAccount {
  id: string;
  realm: Realm;
  organisationId: string | null;
  username: string;
  displayName: string;
  roles: string[];
  /** Effective now: admin and read_only, every store of the organisation; operator, the chosen stores still in it. */
  storeIds: string[];
  /** Admin and read_only: every main account of the organisation (a grant on one covers its later stores). */
  mainAccountIds: string[];
  disabled: boolean;
}

export type AuthenticationResult =
  | { ok: true; account: StaffAccount }
  | { ok: false; reason: 'invalid_credentials' | 'locked' | 'disabled'; lockedUntil?: Date };

export type { OrganisationTree };

/** An account's view, its stores reckoned against the organisation as it is now. */
export function accountOf(staff: Staff, organisation: OrganisationTree | null): StaffAccount {
  const access = effectiveAccess(
    staff,
    organisation && {
      mainAccounts: organisation.mainAccounts.map((m) => ({ id: m.id, storeIds: m.stores.map((s) => s.id) })),
    },
  );
  return {
    id: staff.id,
    realm: staff.realm,
    organisationId: staff.organisationId,
    username: staff.username,
    displayName: staff.displayName,
    roles: [...staff.roles],
    storeIds: access.storeIds,
    mainAccountIds: access.mainAccountIds,
    disabled: staff.disabled,
  };
}

/**
 * Who the staff are, for the OAuth 2.0 server's sign-in and consent (API-1): password sign-in with
 * lockout, and an account's roles and effective stores. Lockout runs on real time, never on the
 * sandbox clock: advancing simulated business time must not unlock an account.
 */
@Injectable()
export class StaffDirectory {
  private readonly clock = new SystemClock();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: DirectoryRepository,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  /**
   * Checks a password. An unknown username costs the same argon2 work as a wrong password and
   * answers the same; only a locked account says so (with when it unlocks), and a disabled one
   * only to its right password. Every failure, lockout and sign-in is audited (subject `staff`).
   */
  async authenticate(realm: Realm, username: string, password: string): Promise<AuthenticationResult> {
    const name = typeof username === 'string' && USERNAME.test(username) ? username.toLowerCase() : null;
    const secret = typeof password === 'string' ? password : '';
    const known = realm === 'seller' || realm === 'platform';
    const credential = name && known ? await this.repository.credential(this.uow.direct, realm, name) : null;
    if (!credential) {
      await verifyPassword(await dummyHash(), secret);
      await this.uow.run(async (tx) =>
        tx.audit({
          action: 'staff.sign-in-failed',
          subjectType: 'staff',
          subjectId: 'unknown',
          // Not the typed name: it is often a password typed in the wrong field.
          changes: { realm: String(realm).slice(0, 16) },
        }),
      );
      return { ok: false, reason: 'invalid_credentials' };
    }
    // The memory-hard check runs before the row is locked: concurrent attempts do not queue behind it.
    const verified = await verifyPassword(credential.passwordHash, secret);
    const outcome = await this.uow.run(async (tx) => {
      const staff = await this.repository.staff(tx, credential.id, true);
      if (!staff) return { ok: false as const, reason: 'invalid_credentials' as const };
      const hash = await this.repository.passwordHash(tx, staff.id);
      // The password changed meanwhile: the attempt is judged by the new one.
      const passwordOk =
        hash === credential.passwordHash ? verified : hash !== null && (await verifyPassword(hash, secret));
      const { outcome, changed } = staff.signIn(passwordOk, this.clock.now(), this.policy);
      if (!changed) {
        tx.audit({
          action: outcome.ok ? 'staff.signed-in' : 'staff.sign-in-refused',
          subjectType: 'staff',
          subjectId: staff.id,
          changes: outcome.ok ? {} : { reason: outcome.reason },
        });
      }
      return outcome;
    });
    if (!outcome.ok) return outcome;
    const account = await this.account(credential.id);
    return account ? { ok: true, account } : { ok: false, reason: 'invalid_credentials' };
  }

  /** The account of a staff id (anything else, and an unknown id, is null). */
  async account(accountId: string): Promise<StaffAccount | null> {
    if (typeof accountId !== 'string' || !isUuid(accountId)) return null;
    const staff = await this.repository.staff(this.uow.reader(), accountId.toLowerCase());
    if (!staff) return null;
    const organisation = staff.organisationId
      ? await this.repository.tree(this.uow.direct, staff.organisationId)
      : null;
    return accountOf(staff, organisation);
  }

  /** The organisation with its main accounts and stores (the consent page's choices). */
  async organisationTree(organisationId: string): Promise<OrganisationTree> {
    const tree = await this.repository.tree(this.uow.direct, organisationId);
    if (!tree) throw organisationNotFound();
    return tree;
  }
}
