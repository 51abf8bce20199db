import { Migration } from '@tradehub/platform';

const STORE_KINDS = `'FROZEN', 'AVAILABLE', 'PAYOUT_IN_TRANSIT'`;
const PLATFORM_KINDS = `'CLEARING', 'COMMISSION_REVENUE', 'FX_CONVERSION', 'PAYOUTS'`;

/**
 * SET-6: the double-entry ledger, with the database itself refusing what must never happen
 * (as the trusted ledgers do): an entry whose postings do not sum to zero per currency (checked at commit),
 * any UPDATE, DELETE or TRUNCATE of entries and postings, a balance changed other than by a
 * posting, and a frozen balance below zero. Balances are kept on the account row by the posting's
 * own trigger, so a read never sums history and always equals the postings' sum.
 */
export class Migration20261127000200Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table settlement.accounts (
      id bigint generated always as identity primary key,
      store_id text,
      currency char(3) not null,
      kind text not null check (kind in (${STORE_KINDS}, ${PLATFORM_KINDS})),
      balance bigint not null default 0,
      posting_count bigint not null default 0,
      constraint accounts_owner_check check ((store_id is null) = (kind in (${PLATFORM_KINDS}))),
      constraint accounts_frozen_not_negative check (kind <> 'FROZEN' or balance >= 0),
      constraint accounts_key unique nulls not distinct (store_id, currency, kind),
      unique (id, currency)
    )`);
    this.addSql(`create table settlement.journal_entries (
      id uuid primary key,
      seq bigint generated always as identity unique,
      idempotency_key text not null unique,
      kind text not null,
      store_id text,
      order_id uuid,
      currency char(3) not null,
      occurred_at timestamptz not null,
      reverses_entry_id uuid unique references settlement.journal_entries (id),
      metadata jsonb not null default '{}'
    )`);
    this.addSql(`create index journal_entries_store_idx on settlement.journal_entries (store_id, seq)`);
    this.addSql(`create index journal_entries_order_idx on settlement.journal_entries (order_id, seq)`);
    this.addSql(`create table settlement.postings (
      id bigint generated always as identity primary key,
      entry_id uuid not null references settlement.journal_entries (id),
      account_id bigint not null,
      currency char(3) not null,
      amount bigint not null check (amount <> 0),
      balance_after bigint not null,
      foreign key (account_id, currency) references settlement.accounts (id, currency)
    )`);
    this.addSql(`create index postings_entry_idx on settlement.postings (entry_id)`);
    this.addSql(`create index postings_account_idx on settlement.postings (account_id, id)`);

    // The only writer of a balance: the posting's trigger, which runs as the table owner.
    this.addSql(`create function settlement.apply_posting() returns trigger
      language plpgsql security definer set search_path = settlement, pg_temp as $$
      begin
        update settlement.accounts set balance = balance + new.amount, posting_count = posting_count + 1
          where id = new.account_id and currency = new.currency
          returning balance into new.balance_after;
        if not found then
          raise exception 'posting to unknown account % in %', new.account_id, new.currency
            using errcode = '23503';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger postings_apply before insert on settlement.postings
      for each row execute function settlement.apply_posting()`);

    this.addSql(`create function settlement.check_entry_balanced() returns trigger
      language plpgsql as $$
      -- Fired by a posting (its entry_id) or by an entry (its id).
      declare
        entry uuid := coalesce(to_jsonb(new) ->> 'entry_id', to_jsonb(new) ->> 'id')::uuid;
        unbalanced text; legs int; foreign_legs int;
      begin
        select count(*), count(*) filter (where p.currency <> e.currency) into legs, foreign_legs
          from settlement.postings p join settlement.journal_entries e on e.id = p.entry_id
          where p.entry_id = entry;
        if foreign_legs > 0 then
          raise exception 'journal entry % has postings in another currency than its own', entry
            using errcode = '23514';
        end if;
        if legs < 2 then
          raise exception 'journal entry % has % posting(s); at least two are required', entry, legs
            using errcode = '23514';
        end if;
        select string_agg(currency || ' ' || total, ', ') into unbalanced from (
          select currency, sum(amount) as total from settlement.postings
            where entry_id = entry group by currency having sum(amount) <> 0) s;
        if unbalanced is not null then
          raise exception 'journal entry % does not balance: %', entry, unbalanced using errcode = '23514';
        end if;
        return null;
      end $$`);
    this.addSql(`create constraint trigger postings_balanced after insert on settlement.postings
      deferrable initially deferred for each row execute function settlement.check_entry_balanced()`);
    this.addSql(`create constraint trigger journal_entries_balanced after insert on settlement.journal_entries
      deferrable initially deferred for each row execute function settlement.check_entry_balanced()`);

    this.addSql(`create function settlement.refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
      end $$`);
    for (const table of ['journal_entries', 'postings']) {
      this.addSql(`create trigger ${table}_append_only before update or delete on settlement.${table}
        for each row execute function settlement.refuse_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on settlement.${table}
        for each statement execute function settlement.refuse_change()`);
    }
    // A balance moves only inside a posting's trigger (depth 2); a direct UPDATE or DELETE is refused.
    this.addSql(`create function settlement.guard_account() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or pg_trigger_depth() < 2
          or new.id <> old.id or new.store_id is distinct from old.store_id
          or new.currency <> old.currency or new.kind <> old.kind then
          raise exception 'account balances change only by postings: % refused', tg_op using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger accounts_guard before update or delete on settlement.accounts
      for each row execute function settlement.guard_account()`);
    this.addSql(`create trigger accounts_no_truncate before truncate on settlement.accounts
      for each statement execute function settlement.refuse_change()`);
    // UPDATE on accounts stays granted: `select ... for update` needs it; the guard above refuses the update itself.
    this.addSql(
      `revoke update, delete, truncate on settlement.journal_entries, settlement.postings from tradehub_settlement`,
    );
    this.addSql(`revoke delete, truncate on settlement.accounts from tradehub_settlement`);
  }
}
