import { Migration } from '@tradehub/platform';

/**
 * SET-1..5, SET-7: one row per order Settlement follows, the withdrawals and FX quotes, the
 * treasury's rates (history kept) and the signals the day-5 review checks.
 */
export class Migration20261127000210SettlementLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table settlement.settlement_orders (
      id uuid primary key,
      store_id text not null,
      seller_id text not null,
      currency char(3) not null,
      total_minor bigint not null check (total_minor >= 0),
      commission_minor bigint not null check (commission_minor between 0 and total_minor),
      refunded_minor bigint not null check (refunded_minor between 0 and total_minor),
      commission_refunded_minor bigint not null check (commission_refunded_minor between 0 and commission_minor),
      frozen_minor bigint not null check (frozen_minor >= 0),
      released_minor bigint not null,
      fund_status text not null check (fund_status in ('NOT_DUE', 'FROZEN', 'IN_REVIEW', 'HELD', 'RELEASED')),
      delivered_at timestamptz,
      review_at timestamptz,
      release_at timestamptz,
      reviewed_at timestamptz,
      hold_reasons jsonb not null,
      decisions jsonb not null,
      released_at timestamptz,
      payout_cycle_seconds integer,
      refunds jsonb not null,
      version integer not null
    )`);
    this.addSql(`create index settlement_orders_held_idx on settlement.settlement_orders (reviewed_at, id)
      where fund_status = 'HELD'`);
    this
      .addSql(`create index settlement_orders_released_idx on settlement.settlement_orders (store_id, released_at)
      where released_at is not null`);
    this.addSql(`create table settlement.fx_rates (
      id uuid primary key,
      from_currency char(3) not null,
      to_currency char(3) not null,
      rate text not null,
      as_of timestamptz not null,
      source text not null,
      recorded_at timestamptz not null,
      unique (from_currency, to_currency, as_of)
    )`);
    this.addSql(`create table settlement.fx_quotes (
      id uuid primary key,
      store_id text not null,
      from_currency char(3) not null,
      to_currency char(3) not null,
      rate text not null,
      rate_as_of timestamptz not null,
      quoted_at timestamptz not null,
      expires_at timestamptz not null,
      used_by uuid unique,
      version integer not null
    )`);
    this.addSql(`create table settlement.withdrawals (
      id uuid primary key,
      store_id text not null,
      currency char(3) not null,
      amount_minor bigint not null check (amount_minor > 0),
      payout_currency char(3) not null,
      payout_minor bigint not null check (payout_minor > 0),
      rate text,
      quote_id uuid unique references settlement.fx_quotes (id),
      exact_payout text,
      rounding_difference text,
      status text not null check (status in ('REQUESTED', 'COMPLETED', 'FAILED')),
      requested_by text not null,
      requested_at timestamptz not null,
      settled_at timestamptz,
      failure_reason text,
      entry_ids jsonb not null,
      version integer not null
    )`);
    this.addSql(
      `create index withdrawals_store_idx on settlement.withdrawals (store_id, requested_at desc, id desc)`,
    );
    // SET-2's inputs: a fake-shipment case (FUL-6), open refund requests or disputes (Disputes), and
    // closed seller accounts (Compliance, CMP-4).
    this.addSql(`create table settlement.order_signals (
      order_id uuid primary key,
      fake_shipment_confirmed_at timestamptz,
      fake_shipment_task_id uuid,
      open_issues text[] not null default '{}'
    )`);
    this.addSql(`create table settlement.seller_accounts (
      seller_id text primary key,
      closed boolean not null,
      reason text not null,
      changed_at timestamptz not null
    )`);
  }
}
