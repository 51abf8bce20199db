import { Migration } from '@tradehub/platform';

/**
 * Partner access (API-1): seller organisations, main accounts, stores and staff, the platform's
 * operators, registered apps and their grants, and the OAuth 2.0 server's own state. Its role
 * reaches this schema and the platform's (audit, outbox), like every context's.
 */
export class Migration20261127120000Access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists access`);
    this.addSql(`do $$
      begin
        begin
          create role tradehub_access nologin;
        exception when duplicate_object or unique_violation then null;
        end;
        execute 'grant tradehub_access to current_user';
      end $$`);
    this.addSql(`grant usage on schema platform, access to tradehub_access`);
    this.addSql(`grant select, insert, update, delete on all tables in schema platform to tradehub_access`);
    this.addSql(`grant usage, select on all sequences in schema platform to tradehub_access`);
    this.addSql(
      `alter default privileges in schema platform grant select, insert, update, delete on tables to tradehub_access`,
    );
    this.addSql(
      `alter default privileges in schema access grant select, insert, update, delete on tables to tradehub_access`,
    );
    this.addSql(
      `alter default privileges in schema access grant usage, select on sequences to tradehub_access`,
    );

    this.addSql(`create table access.organisations (
      id text primary key,
      name text not null,
      created_at timestamptz not null,
      version int not null default 1)`);
    this.addSql(`create table access.main_accounts (
      id text primary key,
      organisation_id text not null references access.organisations (id),
      name text not null,
      created_at timestamptz not null,
      version int not null default 1)`);
    this.addSql(`create index main_accounts_organisation on access.main_accounts (organisation_id)`);
    this.addSql(`create table access.stores (
      id text primary key,
      main_account_id text not null references access.main_accounts (id),
      name text not null,
      joined_at timestamptz not null,
      version int not null default 1)`);
    this.addSql(`create index stores_main_account on access.stores (main_account_id)`);
    // Seller staff belong to an organisation; platform operators to none (a separate realm).
    this.addSql(`create table access.staff (
      id uuid primary key,
      realm text not null check (realm in ('seller', 'platform')),
      organisation_id text references access.organisations (id),
      username text not null,
      display_name text not null,
      password_hash text not null,
      roles text[] not null,
      store_ids text[] not null default '{}',
      failed_logins int not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null,
      version int not null default 1,
      unique (realm, username),
      check ((realm = 'seller') = (organisation_id is not null)))`);
    this.addSql(`create table access.apps (
      client_id text primary key,
      name text not null,
      kind text not null check (kind in ('partner', 'service', 'first_party')),
      secret_hash text,
      redirect_uris text[] not null default '{}',
      scopes text[] not null,
      rate_limit_per_minute int check (rate_limit_per_minute > 0),
      created_by text not null,
      created_at timestamptz not null,
      disabled_at timestamptz,
      version int not null default 1)`);
    // What a seller's admin granted an app: chosen stores and whole main accounts (their later stores too).
    this.addSql(`create table access.app_grants (
      grant_id text primary key,
      client_id text not null references access.apps (client_id),
      account_id uuid not null references access.staff (id),
      organisation_id text not null references access.organisations (id),
      store_ids text[] not null default '{}',
      main_account_ids text[] not null default '{}',
      scopes text[] not null,
      created_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by text,
      version int not null default 1)`);
    this.addSql(`create index app_grants_organisation on access.app_grants (organisation_id, created_at)`);
    // oidc-provider's models (codes, sessions, interactions, refresh tokens, grants), one row each.
    this.addSql(`create table access.oidc_model (
      kind text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      uid text,
      user_code text,
      expires_at timestamptz,
      consumed_at timestamptz,
      primary key (kind, id))`);
    this.addSql(`create index oidc_model_grant on access.oidc_model (grant_id) where grant_id is not null`);
    this.addSql(`create index oidc_model_uid on access.oidc_model (uid) where uid is not null`);
    this.addSql(`create index oidc_model_expiry on access.oidc_model (expires_at)`);
    // Signing keys and cookie keys, made once and shared by every replica.
    this.addSql(`create table access.server_keys (
      name text primary key,
      value jsonb not null,
      created_at timestamptz not null default now())`);
    // Requests per client and minute; lost on a crash, which only resets a window.
    this.addSql(`create unlogged table access.rate_windows (
      client_id text not null,
      window_start timestamptz not null,
      hits int not null,
      primary key (client_id, window_start))`);
  }
}
