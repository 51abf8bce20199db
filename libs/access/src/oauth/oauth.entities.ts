import { defineEntity, p } from '@mikro-orm/postgresql';
import { App } from './apps/app';
import { AppGrant } from './grants/app-grant';

const instant = () => p.datetime().columnType('timestamptz');

/** `access.apps`: the registered OAuth 2.0 clients. */
export const AppEntity = defineEntity({
  class: App,
  tableName: 'apps',
  schema: 'access',
  properties: {
    clientId: p.text().primary(),
    name: p.text(),
    kind: p.text().$type<App['kind']>(),
    // Hidden: the audit records that it changed, not the hash.
    secretHash: p.text().nullable().hidden(),
    redirectUris: p.array().columnType('text[]'),
    scopes: p.array().columnType('text[]'),
    rateLimitPerMinute: p.integer().nullable(),
    createdBy: p.text(),
    createdAt: instant(),
    disabledAt: instant().nullable(),
    version: p.integer().version(),
  },
});

/** `access.app_grants`: what sellers granted partner apps. */
export const AppGrantEntity = defineEntity({
  class: AppGrant,
  tableName: 'app_grants',
  schema: 'access',
  properties: {
    grantId: p.text().primary(),
    clientId: p.text(),
    accountId: p.uuid(),
    organisationId: p.text(),
    storeIds: p.array().columnType('text[]'),
    mainAccountIds: p.array().columnType('text[]'),
    scopes: p.array().columnType('text[]'),
    createdAt: instant(),
    revokedAt: instant().nullable(),
    revokedBy: p.text().nullable(),
    version: p.integer().version(),
  },
});
