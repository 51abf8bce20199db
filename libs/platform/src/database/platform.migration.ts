import { Migration } from './migration';

/** The shared machinery's tables: outbox, inbox, durable timers, idempotency, audit, sandbox clock. */
export class Migration20261126000000Platform extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists platform`);
    this.addSql(`create table platform.outbox (
      seq bigserial primary key,
      id uuid not null unique,
      topic text not null,
      key text not null,
      type text not null,
      schema_version int not null,
      source text not null,
      subject text not null,
      payload jsonb not null,
      occurred_at timestamptz not null,
      created_at timestamptz not null default clock_timestamp(),
      published_at timestamptz,
      attempts int not null default 0,
      last_error text
    )`);
    this.addSql(`create index outbox_unpublished_idx on platform.outbox (seq) where published_at is null`);
    this.addSql(`create table platform.inbox (
      consumer text not null,
      event_id text not null,
      handled_at timestamptz not null default clock_timestamp(),
      primary key (consumer, event_id)
    )`);
    this.addSql(`create table platform.timers (
      id uuid primary key,
      kind text not null,
      subject text not null,
      due_at timestamptz not null,
      next_attempt_at timestamptz not null,
      payload jsonb not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'fired', 'cancelled', 'failed')),
      attempts int not null default 0,
      last_error text,
      created_at timestamptz not null default clock_timestamp(),
      fired_at timestamptz,
      cancelled_at timestamptz
    )`);
    this.addSql(
      `create index timers_due_idx on platform.timers (next_attempt_at, id) where status = 'pending'`,
    );
    this.addSql(
      `create unique index timers_pending_subject_uq on platform.timers (kind, subject) where status = 'pending'`,
    );
    this.addSql(`create index timers_subject_idx on platform.timers (subject)`);
    this.addSql(`create table platform.idempotency_keys (
      principal text not null,
      key text not null,
      method text not null,
      path text not null,
      request_hash text not null,
      state text not null check (state in ('in_progress', 'completed')),
      response_status int,
      response_body jsonb,
      locked_until timestamptz not null,
      created_at timestamptz not null default clock_timestamp(),
      primary key (principal, key)
    )`);
    this.addSql(`create table platform.audit_log (
      seq bigserial primary key,
      id uuid not null unique,
      at timestamptz not null,
      actor text not null,
      actor_kind text not null,
      request_id text,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      store_id text,
      changes jsonb not null default '{}'
    )`);
    this.addSql(`create index audit_subject_idx on platform.audit_log (subject_type, subject_id, seq)`);
    this.addSql(`create table platform.sandbox_clock (
      id int primary key check (id = 1),
      now timestamptz not null
    )`);
  }
}
