import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page, ValidationError } from '@tradehub/kernel';
import { pgArray, type Sql, type Tx } from '@tradehub/platform';
import type { Realm } from '../../roles';
import { MainAccount, Organisation, Staff, Store } from '../domain';

/** Every mapped column of a staff row: the password hash is read only where a password is checked. */
const STAFF_COLUMNS = `id, realm, organisation_id, username, display_name, roles, store_ids, failed_logins,
  locked_until, disabled_at, created_at, version`;

export interface OrganisationTree {
  id: string;
  name: string;
  mainAccounts: { id: string; name: string; stores: { id: string; name: string }[] }[];
}

export interface Credential {
  id: string;
  passwordHash: string;
}

/**
 * Organisations, main accounts, stores and staff. Staff rows carry the password hash, which the
 * Staff aggregate does not map (no audit record may hold it): a new staff row is inserted here with
 * its hash, and audited by the caller without it.
 */
@Injectable()
export class DirectoryRepository {
  /** One writer at a time per natural key (an id or a username), also before its row exists. */
  async lock(tx: Tx, ...keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort())
      await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`access.directory:${key}`]);
  }

  organisation(tx: Tx, id: string, forUpdate = false): Promise<Organisation | null> {
    return tx.findById(Organisation, id, forUpdate);
  }

  mainAccount(tx: Tx, id: string, forUpdate = false): Promise<MainAccount | null> {
    return tx.findById(MainAccount, id, forUpdate);
  }

  store(tx: Tx, id: string, forUpdate = false): Promise<Store | null> {
    return tx.findById(Store, id, forUpdate);
  }

  async staff(tx: Tx, id: string, forUpdate = false): Promise<Staff | null> {
    const [row] = await tx.query<Record<string, unknown>>(
      `select ${STAFF_COLUMNS} from access.staff where id = ?${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return row ? tx.track(Staff, row as never) : null;
  }

  async staffByUsername(tx: Tx, realm: Realm, username: string, forUpdate = false): Promise<Staff | null> {
    const [row] = await tx.query<Record<string, unknown>>(
      `select ${STAFF_COLUMNS} from access.staff where realm = ? and username = ?${forUpdate ? ' for update' : ''}`,
      [realm, username],
    );
    return row ? tx.track(Staff, row as never) : null;
  }

  async credential(sql: Sql, realm: Realm, username: string): Promise<Credential | null> {
    const [row] = await sql.query<{ id: string; password_hash: string }>(
      `select id, password_hash from access.staff where realm = ? and username = ?`,
      [realm, username],
    );
    return row ? { id: row.id, passwordHash: row.password_hash } : null;
  }

  async passwordHash(sql: Sql, staffId: string): Promise<string | null> {
    const [row] = await sql.query<{ password_hash: string }>(
      `select password_hash from access.staff where id = ?`,
      [staffId],
    );
    return row?.password_hash ?? null;
  }

  /**
   * A new organisation, written at once (its first admin's row, written at once too, refers to it),
   * tracked as loaded; the caller audits it.
   */
  async insertOrganisation(tx: Tx, organisation: Organisation): Promise<Organisation> {
    const [row] = await tx.query<Record<string, unknown>>(
      `insert into access.organisations (id, name, created_at, version) values (?, ?, ?, 1) returning *`,
      [organisation.id, organisation.name, organisation.createdAt],
    );
    organisation.pullAction();
    return tx.track(Organisation, row as never);
  }

  /** A new staff row with its password hash, tracked as loaded; the caller audits it (without the hash). */
  async insertStaff(tx: Tx, staff: Staff, passwordHash: string): Promise<Staff> {
    const [row] = await tx.query<Record<string, unknown>>(
      `insert into access.staff (id, realm, organisation_id, username, display_name, password_hash, roles,
         store_ids, failed_logins, locked_until, disabled_at, created_at, version)
       values (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], 0, null, null, ?, 1)
       returning ${STAFF_COLUMNS}`,
      [
        staff.id,
        staff.realm,
        staff.organisationId,
        staff.username,
        staff.displayName,
        passwordHash,
        pgArray(staff.roles),
        pgArray(staff.storeIds),
        staff.createdAt,
      ],
    );
    staff.pullAction();
    return tx.track(Staff, row as never);
  }

  /** A new password hash (the row is locked by the caller); audited by the caller. */
  async setPasswordHash(tx: Tx, staffId: string, passwordHash: string): Promise<void> {
    await tx.query(`update access.staff set password_hash = ? where id = ?`, [passwordHash, staffId]);
  }

  /** The organisation's active admins other than `exceptId`. */
  async otherActiveAdmins(tx: Tx, organisationId: string, exceptId: string): Promise<number> {
    const [row] = await tx.query<{ n: string }>(
      `select count(*) as n from access.staff
        where organisation_id = ? and id <> ? and disabled_at is null and 'admin' = any(roles)`,
      [organisationId, exceptId],
    );
    return Number(row?.n ?? 0);
  }

  /** The organisation with its main accounts and their stores, by id; null when there is none. */
  async tree(sql: Sql, organisationId: string): Promise<OrganisationTree | null> {
    const rows = await sql.query<{
      id: string;
      name: string;
      main_account_id: string | null;
      main_account_name: string | null;
      store_id: string | null;
      store_name: string | null;
    }>(
      `select o.id, o.name, m.id as main_account_id, m.name as main_account_name, s.id as store_id, s.name as store_name
         from access.organisations o
         left join access.main_accounts m on m.organisation_id = o.id
         left join access.stores s on s.main_account_id = m.id
        where o.id = ?
        order by m.id, s.id`,
      [organisationId],
    );
    if (rows.length === 0) return null;
    const mainAccounts = new Map<string, OrganisationTree['mainAccounts'][number]>();
    for (const row of rows) {
      if (row.main_account_id === null) continue;
      let account = mainAccounts.get(row.main_account_id);
      if (!account) {
        account = { id: row.main_account_id, name: row.main_account_name!, stores: [] };
        mainAccounts.set(account.id, account);
      }
      if (row.store_id !== null) account.stores.push({ id: row.store_id, name: row.store_name! });
    }
    return { id: rows[0].id, name: rows[0].name, mainAccounts: [...mainAccounts.values()] };
  }

  /** An organisation's staff by username, a page at a time. */
  async staffPage(
    tx: Tx,
    organisationId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<Staff>> {
    const params: unknown[] = [organisationId];
    let after = '';
    if (cursor) {
      const [username] = decodeCursor(cursor);
      if (typeof username !== 'string')
        throw new ValidationError('is not a cursor this API issued', 'cursor');
      after = 'and username > ?';
      params.push(username);
    }
    const rows = await tx.query<Record<string, unknown>>(
      `select ${STAFF_COLUMNS} from access.staff where organisation_id = ? ${after} order by username limit ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => tx.track(Staff, row as never));
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor([items.at(-1)!.username]) : null,
    };
  }
}
