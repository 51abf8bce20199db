import { addMs, AggregateRoot, newId, ValidationError } from '@tradehub/kernel';
import { PLATFORM_ROLES, type Realm, SELLER_ROLES } from '../../roles';
import { checkName, checkUsername } from './directory-ids';
import {
  lastAdmin,
  storeNotInOrganisation,
  storesOnlyForOperators,
  storesRequired,
} from './directory.errors';

const MINUTE_MS = 60_000;

export interface StaffState {
  id: string;
  realm: Realm;
  /** The seller organisation; null for platform operators (a realm of their own). */
  organisationId: string | null;
  username: string;
  displayName: string;
  roles: string[];
  /** The stores chosen for an operator (seller realm); the other roles see every store of the organisation. */
  storeIds: string[];
  failedLogins: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  version: number;
}

export interface StaffInput {
  realm: Realm;
  organisationId: string | null;
  username: string;
  displayName: string;
  roles: readonly string[];
  storeIds?: readonly string[];
}

export interface StaffPatch {
  displayName?: string;
  roles?: readonly string[];
  storeIds?: readonly string[];
  disabled?: boolean;
}

/** How sign-in failures lock an account (AccessPolicy). */
export interface LockoutPolicy {
  lockoutAfterFailures: number;
  lockoutMinutes: number;
}

export type SignInOutcome =
  { ok: true } | { ok: false; reason: 'invalid_credentials' | 'locked' | 'disabled'; lockedUntil?: Date };

/** The roles of a realm, each once, in the catalogue's order; anything else is named by its index. */
export function checkRoles(realm: Realm, roles: readonly string[], field = 'roles'): string[] {
  const known: readonly string[] = realm === 'seller' ? SELLER_ROLES : PLATFORM_ROLES;
  if (roles.length === 0) throw new ValidationError('name at least one role', field);
  roles.forEach((role, i) => {
    if (!known.includes(role))
      throw new ValidationError(`must be one of ${known.join(', ')}`, `${field}[${i}]`);
  });
  // An operator's stores and write scopes go together: beside a role that sees every store, the
  // writes would reach every store too.
  if (realm === 'seller' && roles.includes('operator') && new Set(roles).size > 1)
    throw new ValidationError('operator (of chosen stores) cannot be combined with another role', field);
  return known.filter((role) => roles.includes(role));
}

/**
 * The stores chosen for a seller staff member: required for an operator, refused for the other
 * roles (they see every store), and each one a store of the organisation (named by its index).
 */
export function checkStoreChoice(
  roles: readonly string[],
  storeIds: readonly string[],
  organisationStores: ReadonlySet<string>,
): string[] {
  storeIds.forEach((storeId, i) => {
    if (!organisationStores.has(storeId)) throw storeNotInOrganisation(`storeIds[${i}]`);
  });
  const operator = roles.includes('operator');
  if (operator && storeIds.length === 0) throw storesRequired();
  if (!operator && storeIds.length > 0) throw storesOnlyForOperators();
  return [...new Set(storeIds)].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

/**
 * A staff account: a seller organisation's admin, operator or read-only member, or a platform
 * operator with duty roles. Signs in with a password (its hash is kept apart from this aggregate,
 * so it never reaches an audit record) and is locked for a while after repeated failures.
 */
export class Staff extends AggregateRoot implements StaffState {
  id!: string;
  realm!: Realm;
  organisationId!: string | null;
  username!: string;
  displayName!: string;
  roles!: string[];
  storeIds!: string[];
  failedLogins!: number;
  lockedUntil!: Date | null;
  disabledAt!: Date | null;
  createdAt!: Date;
  version!: number;

  constructor(state: StaffState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'staff';
  }

  get storeId(): string | null {
    return null;
  }

  /**
   * A new account, its input checked (the organisation's stores decide an operator's choice).
   * `organisationStores` is ignored for the platform realm.
   */
  static create(input: StaffInput, organisationStores: ReadonlySet<string>, now: Date): Staff {
    const roles = checkRoles(input.realm, input.roles);
    const storeIds =
      input.realm === 'seller' ? checkStoreChoice(roles, input.storeIds ?? [], organisationStores) : [];
    if (input.realm === 'platform' && (input.storeIds ?? []).length > 0)
      throw new ValidationError('platform operators see every store; name none', 'storeIds');
    const staff = new Staff({
      id: newId(),
      realm: input.realm,
      organisationId: input.realm === 'seller' ? input.organisationId : null,
      username: checkUsername(input.username),
      displayName: checkName(input.displayName, 'displayName'),
      roles,
      storeIds,
      failedLogins: 0,
      lockedUntil: null,
      disabledAt: null,
      createdAt: now,
      version: 1,
    });
    staff.changed('staff.created');
    return staff;
  }

  /** The same create again (a retry): the same organisation, name, roles and stores (the password is checked apart). */
  sameAs(input: StaffInput): boolean {
    return (
      this.realm === input.realm &&
      this.organisationId === (input.realm === 'seller' ? input.organisationId : null) &&
      this.username === input.username.toLowerCase() &&
      this.displayName === input.displayName.trim() &&
      sameSet(this.roles, input.roles) &&
      sameSet(this.storeIds, input.storeIds ?? [])
    );
  }

  get disabled(): boolean {
    return this.disabledAt !== null;
  }

  get activeAdmin(): boolean {
    return this.realm === 'seller' && !this.disabled && this.roles.includes('admin');
  }

  isLocked(now: Date): boolean {
    return this.lockedUntil !== null && this.lockedUntil.getTime() > now.getTime();
  }

  /**
   * One sign-in attempt, the password already checked. While locked every attempt is refused, the
   * right password too, and none is counted; a wrong password counts, and the one that reaches
   * `lockoutAfterFailures` in a row locks the account for `lockoutMinutes` (and starts the count
   * again); the right one resets the count. A disabled account is refused even with the right
   * password (and says so only then). `changed`: whether the account's state moved (and the save
   * path audits it); otherwise the caller audits the attempt itself.
   */
  signIn(
    passwordOk: boolean,
    now: Date,
    policy: LockoutPolicy,
  ): { outcome: SignInOutcome; changed: boolean } {
    if (this.isLocked(now))
      return { outcome: { ok: false, reason: 'locked', lockedUntil: this.lockedUntil! }, changed: false };
    if (!passwordOk) {
      this.failedLogins += 1;
      if (this.failedLogins >= policy.lockoutAfterFailures) {
        this.failedLogins = 0;
        this.lockedUntil = addMs(now, policy.lockoutMinutes * MINUTE_MS);
        this.changed('staff.locked');
        return { outcome: { ok: false, reason: 'locked', lockedUntil: this.lockedUntil }, changed: true };
      }
      this.changed('staff.sign-in-failed');
      return { outcome: { ok: false, reason: 'invalid_credentials' }, changed: true };
    }
    if (this.disabled) return { outcome: { ok: false, reason: 'disabled' }, changed: false };
    const moved = this.failedLogins !== 0 || this.lockedUntil !== null;
    if (moved) {
      this.failedLogins = 0;
      this.lockedUntil = null;
      this.changed('staff.signed-in');
    }
    return { outcome: { ok: true }, changed: moved };
  }

  /** A new password (set by an admin): the failures and any lock go with the old one. */
  passwordChanged(): void {
    if (this.failedLogins === 0 && this.lockedUntil === null) return;
    this.failedLogins = 0;
    this.lockedUntil = null;
    this.changed('staff.unlocked');
  }

  /**
   * An admin's change of a seller staff member. Leaving roles without the operator role drops the
   * chosen stores. `otherActiveAdmins`: the organisation's other active admins; the change may not
   * leave it with none.
   */
  update(
    patch: StaffPatch,
    organisationStores: ReadonlySet<string>,
    otherActiveAdmins: number,
    now: Date,
  ): void {
    const roles = patch.roles !== undefined ? checkRoles(this.realm, patch.roles) : this.roles;
    const chosen =
      patch.storeIds !== undefined ? patch.storeIds : roles.includes('operator') ? this.storeIds : [];
    const storeIds = checkStoreChoice(roles, chosen, organisationStores);
    const displayName =
      patch.displayName !== undefined ? checkName(patch.displayName, 'displayName') : this.displayName;
    const disabledAt =
      patch.disabled === undefined ? this.disabledAt : patch.disabled ? (this.disabledAt ?? now) : null;
    if (otherActiveAdmins === 0 && this.activeAdmin) {
      if (!roles.includes('admin')) throw lastAdmin('roles');
      if (disabledAt !== null) throw lastAdmin('disabled');
    }
    if (!sameSet(roles, this.roles)) {
      this.roles = roles;
      this.changed('staff.roles-changed');
    }
    if (!sameSet(storeIds, this.storeIds)) {
      this.storeIds = storeIds;
      this.changed('staff.stores-changed');
    }
    if (displayName !== this.displayName) {
      this.displayName = displayName;
      this.changed('staff.renamed');
    }
    if (disabledAt?.getTime() !== this.disabledAt?.getTime()) {
      this.disabledAt = disabledAt;
      this.changed(disabledAt ? 'staff.disabled' : 'staff.enabled');
    }
  }
}

/** What an account may reach now: every store and main account of the organisation, or an operator's chosen stores still in it. */
export interface EffectiveAccess {
  storeIds: string[];
  mainAccountIds: string[];
}

export interface OrganisationStores {
  mainAccounts: { id: string; storeIds: readonly string[] }[];
}

export function effectiveAccess(
  staff: Pick<StaffState, 'realm' | 'roles' | 'storeIds'>,
  organisation: OrganisationStores | null,
): EffectiveAccess {
  if (staff.realm !== 'seller' || !organisation) return { storeIds: [], mainAccountIds: [] };
  const all = new Set(organisation.mainAccounts.flatMap((m) => m.storeIds));
  const whole = staff.roles.includes('admin') || staff.roles.includes('read_only');
  const stores = new Set<string>(whole ? all : []);
  if (staff.roles.includes('operator')) for (const s of staff.storeIds) if (all.has(s)) stores.add(s);
  return {
    storeIds: [...stores].sort(),
    mainAccountIds: whole ? organisation.mainAccounts.map((m) => m.id).sort() : [],
  };
}
