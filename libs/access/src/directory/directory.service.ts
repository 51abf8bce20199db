import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, isUuid, type Page, ValidationError } from '@tradehub/kernel';
import { type Principal, type Tx, UnitOfWork } from '@tradehub/platform';
import { DirectoryRepository, type OrganisationTree } from './database/directory.repository';
import {
  MainAccount,
  mainAccountExists,
  mainAccountNotFound,
  notAnAdmin,
  Organisation,
  organisationExists,
  organisationNotFound,
  Staff,
  type StaffInput,
  type StaffPatch,
  staffNotFound,
  Store,
  storeExists,
  storeInOtherMainAccount,
  usernameTaken,
} from './domain';
import { checkPassword, hashPassword, verifyPassword } from './passwords';

export interface NewStaff {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
  storeIds?: string[];
}

export interface NewOrganisation {
  id: string;
  name: string;
  admin: { username: string; password: string; displayName: string };
}

export interface Created<T> {
  created: boolean;
  value: T;
}

/** A created row's audit record: every field from nothing. */
function createdChanges(fields: Record<string, unknown>): Record<string, { from: null; to: unknown }> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      { from: null, to: value instanceof Date ? value.toISOString() : value },
    ]),
  );
}

/** What a new staff row holds, for its audit record: everything but the password hash. */
function staffFields(staff: Staff): Record<string, unknown> {
  return {
    realm: staff.realm,
    organisationId: staff.organisationId,
    username: staff.username,
    displayName: staff.displayName,
    roles: staff.roles,
    storeIds: staff.storeIds,
    createdAt: staff.createdAt,
  };
}

/** Names a nested input's fields by their path in the request (`admin.username`). */
function within<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ValidationError && error.field)
      throw new ValidationError(error.message, `${prefix}.${error.field}`);
    throw error;
  }
}

const organisationStores = (tree: OrganisationTree | null): Set<string> =>
  new Set(tree?.mainAccounts.flatMap((m) => m.stores.map((s) => s.id)) ?? []);

/**
 * The directory's changes (API-1): operators create organisations, main accounts, stores and
 * platform operators; a seller organisation's admin manages its staff. Creates are idempotent on
 * their natural id (or username): the same content again answers the first result, other content
 * is a conflict. Every change is audited by the save path or, for rows it cannot write (the
 * password hash stays out of audit records), by `tx.audit`.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: DirectoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async createOrganisation(
    input: NewOrganisation,
  ): Promise<Created<{ organisationId: string; admin: Staff }>> {
    const now = this.clock.now();
    const organisation = Organisation.create(input, now);
    const admin = within('admin', () => {
      checkPassword(input.admin.password);
      return Staff.create(
        {
          realm: 'seller',
          organisationId: organisation.id,
          username: input.admin.username,
          displayName: input.admin.displayName,
          roles: ['admin'],
        },
        new Set(),
        now,
      );
    });
    const passwordHash = await hashPassword(input.admin.password);
    return this.uow.run(async (tx) => {
      await this.repository.lock(tx, `organisation:${organisation.id}`, `username:seller:${admin.username}`);
      const existing = await this.repository.organisation(tx, organisation.id);
      if (existing) {
        const first = await this.repository.staffByUsername(tx, 'seller', admin.username);
        const same =
          existing.sameAs(input) &&
          first !== null &&
          first.organisationId === existing.id &&
          first.roles.includes('admin') &&
          first.displayName === admin.displayName &&
          (await this.passwordMatches(tx, first.id, input.admin.password));
        if (!same) throw organisationExists();
        return { created: false, value: { organisationId: existing.id, admin: first } };
      }
      if (await this.repository.staffByUsername(tx, 'seller', admin.username))
        throw usernameTaken('admin.username');
      await this.repository.insertOrganisation(tx, organisation);
      tx.audit({
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: organisation.id,
        changes: createdChanges({ name: organisation.name, createdAt: organisation.createdAt }),
      });
      const first = await this.insertStaff(tx, admin, passwordHash);
      return { created: true, value: { organisationId: organisation.id, admin: first } };
    });
  }

  async addMainAccount(
    organisationId: string,
    input: { id: string; name: string },
  ): Promise<Created<MainAccount>> {
    const account = MainAccount.create(input, organisationId, this.clock.now());
    return this.uow.run(async (tx) => {
      await this.repository.lock(tx, `main-account:${account.id}`);
      if (!(await this.repository.organisation(tx, organisationId))) throw organisationNotFound();
      const existing = await this.repository.mainAccount(tx, account.id);
      if (existing) {
        if (!existing.sameAs(input, organisationId)) throw mainAccountExists();
        return { created: false, value: existing };
      }
      tx.save(account);
      return { created: true, value: account };
    });
  }

  /** A store joins a main account, for good; from then on every grant on that main account covers it. */
  async addStore(mainAccountId: string, input: { id: string; name: string }): Promise<Created<Store>> {
    const store = Store.join(input, mainAccountId, this.clock.now());
    return this.uow.run(async (tx) => {
      await this.repository.lock(tx, `store:${store.id}`);
      if (!(await this.repository.mainAccount(tx, mainAccountId))) throw mainAccountNotFound();
      const existing = await this.repository.store(tx, store.id);
      if (existing) {
        if (existing.mainAccountId !== mainAccountId) throw storeInOtherMainAccount();
        if (!existing.sameAs(input)) throw storeExists();
        return { created: false, value: existing };
      }
      tx.save(store);
      return { created: true, value: store };
    });
  }

  /** A platform operator (its own realm, duty roles, no organisation). */
  createOperator(input: NewStaff): Promise<Created<Staff>> {
    return this.createStaffOf({ ...input, realm: 'platform', organisationId: null }, () =>
      Promise.resolve(null),
    );
  }

  /** The active seller admin behind a token (its `sub` is the staff id); anyone else is refused (403). */
  async requireAdmin(tx: Tx, principal: Principal): Promise<Staff> {
    const admin = isUuid(principal.id) ? await this.repository.staff(tx, principal.id.toLowerCase()) : null;
    if (!admin || !admin.activeAdmin || !admin.organisationId) throw notAnAdmin();
    return admin;
  }

  async organisationOf(principal: Principal): Promise<OrganisationTree> {
    const admin = await this.requireAdmin(this.uow.reader(), principal);
    const tree = await this.repository.tree(this.uow.direct, admin.organisationId!);
    if (!tree) throw organisationNotFound();
    return tree;
  }

  async listStaff(principal: Principal, cursor: string | undefined, limit: number): Promise<Page<Staff>> {
    const reader = this.uow.reader();
    const admin = await this.requireAdmin(reader, principal);
    return this.repository.staffPage(reader, admin.organisationId!, cursor, limit);
  }

  /** A seller admin adds a member to their own organisation. */
  createStaff(principal: Principal, input: NewStaff): Promise<Created<Staff>> {
    return this.createStaffOf({ ...input, realm: 'seller', organisationId: null }, async (tx) => {
      const admin = await this.requireAdmin(tx, principal);
      await this.repository.lock(tx, `organisation:${admin.organisationId}`);
      return admin.organisationId;
    });
  }

  /**
   * A seller admin changes a member of their own organisation: roles, chosen stores, display name,
   * disabled, password (which also lifts a lockout). Another organisation's member is not found,
   * exactly like a missing one (API-2); the organisation always keeps an active admin.
   */
  async updateStaff(
    principal: Principal,
    staffId: string,
    patch: StaffPatch & { password?: string },
  ): Promise<Staff> {
    const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : null;
    return this.uow.run(async (tx) => {
      const admin = await this.requireAdmin(tx, principal);
      const organisationId = admin.organisationId!;
      await this.repository.lock(tx, `organisation:${organisationId}`);
      // Again under the organisation's lock: the admin may have been changed meanwhile.
      await this.requireAdmin(tx, principal);
      const staff = await this.repository.staff(tx, staffId, true);
      if (!staff || staff.realm !== 'seller' || staff.organisationId !== organisationId)
        throw staffNotFound();
      const tree = await this.repository.tree(tx, organisationId);
      const others = await this.repository.otherActiveAdmins(tx, organisationId, staff.id);
      staff.update(patch, organisationStores(tree), others, this.clock.now());
      if (passwordHash) {
        await this.repository.setPasswordHash(tx, staff.id, passwordHash);
        staff.passwordChanged();
        tx.audit({
          action: 'staff.password-changed',
          subjectType: 'staff',
          subjectId: staff.id,
          changes: { password: { from: '(hidden)', to: '(hidden)' } },
        });
      }
      // A new password or a disabled account ends the person's sign-in sessions: a stolen session
      // cannot start new authorizations (their tokens already fail the guard when disabled).
      if (passwordHash || patch.disabled === true)
        await tx.query(`delete from access.oidc_model where kind = 'Session' and payload->>'accountId' = ?`, [
          staff.id,
        ]);
      return staff;
    });
  }

  /**
   * Creates a staff account, or answers the existing one when the same create comes again (same
   * realm, organisation, name, roles, stores and password); a username taken otherwise is a conflict.
   * `organisationOf` runs first in the transaction (the admin check) and names the organisation.
   */
  private async createStaffOf(
    input: StaffInput & { password: string },
    organisationOf: (tx: Tx) => Promise<string | null>,
  ): Promise<Created<Staff>> {
    const passwordHash = await hashPassword(input.password);
    return this.uow.run(async (tx) => {
      const organisationId = await organisationOf(tx);
      const tree = organisationId ? await this.repository.tree(tx, organisationId) : null;
      const full = { ...input, organisationId };
      const staff = Staff.create(full, organisationStores(tree), this.clock.now());
      await this.repository.lock(tx, `username:${staff.realm}:${staff.username}`);
      const existing = await this.repository.staffByUsername(tx, staff.realm, staff.username);
      if (existing) {
        if (!existing.sameAs(full) || !(await this.passwordMatches(tx, existing.id, input.password)))
          throw usernameTaken();
        return { created: false, value: existing };
      }
      return { created: true, value: await this.insertStaff(tx, staff, passwordHash) };
    });
  }

  private async insertStaff(tx: Tx, staff: Staff, passwordHash: string): Promise<Staff> {
    const inserted = await this.repository.insertStaff(tx, staff, passwordHash);
    tx.audit({
      action: 'staff.created',
      subjectType: 'staff',
      subjectId: staff.id,
      changes: createdChanges(staffFields(staff)),
    });
    return inserted;
  }

  private async passwordMatches(tx: Tx, staffId: string, password: string): Promise<boolean> {
    const hash = await this.repository.passwordHash(tx, staffId);
    return hash !== null && (await verifyPassword(hash, password));
  }
}
