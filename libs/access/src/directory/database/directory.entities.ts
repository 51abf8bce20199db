import { defineEntity, p } from '@mikro-orm/postgresql';
import type { Realm } from '../../roles';
import { MainAccount, Organisation, Staff, Store } from '../domain';

const instant = () => p.datetime().columnType('timestamptz');

/** `access.organisations`: seller organisations (API-1). */
export const OrganisationEntity = defineEntity({
  class: Organisation,
  tableName: 'organisations',
  schema: 'access',
  properties: {
    id: p.text().primary(),
    name: p.text(),
    createdAt: instant(),
    version: p.integer().version(),
  },
});

/** `access.main_accounts`: an organisation's main accounts. */
export const MainAccountEntity = defineEntity({
  class: MainAccount,
  tableName: 'main_accounts',
  schema: 'access',
  properties: {
    id: p.text().primary(),
    organisationId: p.text(),
    name: p.text(),
    createdAt: instant(),
    version: p.integer().version(),
  },
});

/** `access.stores`: each store in one main account. */
export const StoreEntity = defineEntity({
  class: Store,
  tableName: 'stores',
  schema: 'access',
  properties: {
    id: p.text().primary(),
    mainAccountId: p.text(),
    name: p.text(),
    joinedAt: instant(),
    version: p.integer().version(),
  },
});

/**
 * `access.staff`: seller staff and platform operators. The password hash is deliberately not
 * mapped: the save path audits every mapped field, and a hash has no place in the audit trail.
 * The repository writes and reads it with SQL of its own.
 */
export const StaffEntity = defineEntity({
  class: Staff,
  tableName: 'staff',
  schema: 'access',
  properties: {
    id: p.uuid().primary(),
    realm: p.text().$type<Realm>(),
    organisationId: p.text().nullable(),
    username: p.text(),
    displayName: p.text(),
    roles: p.array().columnType('text[]'),
    storeIds: p.array().columnType('text[]'),
    failedLogins: p.integer(),
    lockedUntil: instant().nullable(),
    disabledAt: instant().nullable(),
    createdAt: instant(),
    version: p.integer().version(),
  },
});

export const DIRECTORY_ENTITY_SCHEMAS = [OrganisationEntity, MainAccountEntity, StoreEntity, StaffEntity];
