import { Migration, type MigrationEntry } from '@tradehub/platform';

/**
 * ANA-1's facts and roll-ups, CMP-1's daily score history, CMP-2's warnings and CMP-3's answers.
 * `order_facts` keeps what each order already counted, so a redelivered or late event counts once;
 * `store_days` and `store_day_gmv` are the per-store daily sums every read adds up (never the orders).
 */
export class Migration20261127000630ComplianceStanding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table compliance.order_facts (
      order_id uuid primary key,
      store_id text not null,
      -- Null until Orders' order-placed arrives (a refund or a dispute heard first is kept all the same).
      currency char(3),
      total_minor bigint,
      paid_at timestamptz,
      ship_by timestamptz,
      first_shipped_at timestamptz,
      late_at timestamptz,
      -- Payment + 72 h, once the order is (or was) still unshipped then: its fulfillment took longer.
      slow_at timestamptz,
      cancelled_at timestamptz,
      seller_cancelled_at timestamptz,
      abnormal_at timestamptz,
      disputed_at timestamptz,
      refunded_at timestamptz,
      released_at timestamptz,
      payout_cycle_seconds bigint
    )`);
    this.addSql(`create index order_facts_store on compliance.order_facts (store_id, paid_at)`);
    this.addSql(`create index order_facts_unshipped on compliance.order_facts (store_id, paid_at)
      where first_shipped_at is null and slow_at is null and cancelled_at is null`);
    this.addSql(`create table compliance.review_facts (
      review_id uuid primary key,
      order_id uuid not null,
      store_id text not null,
      reviewed_at timestamptz not null,
      overall smallint not null,
      item_as_described smallint not null,
      communication smallint not null,
      shipping_speed smallint not null
    )`);
    this.addSql(`create index review_facts_store on compliance.review_facts (store_id, reviewed_at)`);
    this.addSql(`create table compliance.store_days (
      store_id text not null,
      day date not null,
      orders integer not null default 0,
      seller_cancelled integer not null default 0,
      disputed integer not null default 0,
      refunded integer not null default 0,
      shipped integer not null default 0,
      ship_seconds bigint not null default 0,
      slow integer not null default 0,
      on_time integer not null default 0,
      late integer not null default 0,
      abnormal integer not null default 0,
      reviews integer not null default 0,
      positive integer not null default 0,
      item_as_described_sum integer not null default 0,
      communication_sum integer not null default 0,
      shipping_speed_sum integer not null default 0,
      released integer not null default 0,
      payout_cycle_seconds bigint not null default 0,
      primary key (store_id, day)
    )`);
    this.addSql(`create table compliance.store_day_gmv (
      store_id text not null,
      day date not null,
      currency char(3) not null,
      orders integer not null default 0,
      gmv_minor bigint not null default 0,
      primary key (store_id, day, currency)
    )`);
    this.addSql(`create table compliance.store_standing (
      store_id text primary key,
      as_of timestamptz not null,
      score numeric(5, 2),
      parts jsonb not null,
      warnings text[] not null default '{}',
      eligible boolean not null,
      reasons jsonb not null
    )`);
    this.addSql(`create table compliance.sla_score_days (
      store_id text not null,
      day date not null,
      score numeric(5, 2),
      parts jsonb not null,
      as_of timestamptz not null,
      primary key (store_id, day)
    )`);
    this.addSql(`create table compliance.downgrade_warnings (
      id uuid primary key,
      store_id text not null,
      warning text not null,
      value text not null,
      bar text not null,
      raised_at timestamptz not null,
      cleared_at timestamptz,
      cleared_value text
    )`);
    this
      .addSql(`create unique index downgrade_warnings_open on compliance.downgrade_warnings (store_id, warning)
      where cleared_at is null`);
  }
}

export const standingMigrations: MigrationEntry[] = [
  { name: 'Migration20261127000630ComplianceStanding', class: Migration20261127000630ComplianceStanding },
];
