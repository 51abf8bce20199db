import { Migration } from '@tradehub/platform';

/** The channel on which every change to what a token may do is announced (AccessChanges listens). */
export const ACCESS_CHANNEL = 'tradehub_access';

/**
 * API-1's standing of a token is kept in each replica's memory (AccessTokenVerifier) instead of
 * read at every request. What it is made of announces each change: a statement changing an app,
 * grant, staff member, store or main account, or the OAuth server's grants, notifies at commit,
 * and every replica forgets what it kept. The standing's read and the rate limit's count become
 * two functions: the read carries the grant's expiry (a grant that runs out announces nothing),
 * and the count takes a lease of several requests at once. The earlier function that did both at
 * every request (token_standing) stays for replicas of the release before during a rolling update.
 */
export class Migration20261128000500AccessStandingChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function access.announce_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('${ACCESS_CHANNEL}', '');
  return null;
end $$`);
    for (const table of ['apps', 'app_grants', 'staff', 'stores', 'main_accounts', 'organisations'])
      this
        .addSql(`create trigger ${table}_announce after insert or update or delete or truncate on access.${table}
        for each statement execute function access.announce_change()`);
    // The OAuth server's grants only: its sessions, codes and refresh tokens change at every sign-in.
    this.addSql(`create trigger oidc_grant_inserted after insert on access.oidc_model
      for each row when (new.kind = 'Grant') execute function access.announce_change()`);
    this.addSql(`create trigger oidc_grant_updated after update on access.oidc_model
      for each row when (old.kind = 'Grant' or new.kind = 'Grant') execute function access.announce_change()`);
    this.addSql(`create trigger oidc_grant_deleted after delete on access.oidc_model
      for each row when (old.kind = 'Grant') execute function access.announce_change()`);
    this.addSql(`create trigger oidc_truncated after truncate on access.oidc_model
      for each statement execute function access.announce_change()`);

    this.addSql(`create function access.token_standing_read(
  p_default_limit int, p_grant_id text, p_client_id text, p_staff_id uuid)
returns table (app_kind text, app_disabled boolean, app_scopes text[], rate_limit int,
  has_app_grant boolean, grant_revoked boolean, granted_scopes text[], grant_exists boolean,
  grant_expires_at timestamptz, realm text, roles text[], staff_disabled boolean, stores text[])
language sql stable as $$
  select a.kind, a.disabled_at is not null, a.scopes,
         coalesce(a.rate_limit_per_minute, p_default_limit),
         g.grant_id is not null, g.revoked_at is not null, g.scopes,
         m.id is not null, m.expires_at,
         s.realm, s.roles, s.disabled_at is not null,
         array(select st.id from access.stores st join access.main_accounts ma on ma.id = st.main_account_id
                where ma.organisation_id = coalesce(g.organisation_id, s.organisation_id)
                  and case when g.grant_id is not null
                           then st.id = any(g.store_ids) or st.main_account_id = any(g.main_account_ids)
                           when 'admin' = any(s.roles) or 'read_only' = any(s.roles) then true
                           else st.id = any(s.store_ids) end
                order by st.id)
    from (select 1) as one
    left join access.apps a on a.client_id = p_client_id
    left join access.staff s on s.id = p_staff_id
    left join access.app_grants g on g.grant_id = p_grant_id
    left join access.oidc_model m on m.kind = 'Grant' and m.id = p_grant_id
$$`);
    // A lease of p_take requests of the budget's minute: the count after it, and the minute's seconds left.
    this.addSql(`create function access.rate_lease(p_budget text, p_take int)
returns table (hits int, window_left numeric)
language plpgsql volatile as $$
#variable_conflict use_column
begin
  -- A count lost in a crash is harmless; waiting for the WAL flush at every lease is not.
  perform set_config('synchronous_commit', 'off', true);
  return query
  insert into access.rate_windows as w (client_id, window_start, hits)
  values (p_budget, date_trunc('minute', now()), p_take)
  on conflict (client_id, window_start) do update set hits = w.hits + p_take
  returning w.hits, extract(epoch from date_trunc('minute', now()) + interval '1 minute' - now());
end $$`);
  }
}
