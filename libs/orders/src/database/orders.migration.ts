import { Migration } from '@tradehub/platform';

/** The Orders context's own schema. */
export class Migration20261126000100Orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists orders`);
    this.addSql(`create table orders.orders (
      id uuid primary key,
      marketplace_order_id text not null unique,
      seller_id text not null,
      main_account_id text not null,
      store_id text not null,
      buyer_id text not null,
      status text not null,
      currency char(3) not null,
      total_minor bigint not null,
      shipping_fee_minor bigint not null,
      lines jsonb not null,
      shipping_address jsonb not null,
      payment_method text not null,
      payment_country char(2) not null,
      presale boolean not null,
      paid_at timestamptz not null,
      ship_by timestamptz not null,
      ship_warn_at timestamptz,
      late_shipment boolean not null default false,
      late_flagged_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version int not null default 0
    )`);
    // ORD-6: lists span stores, newest payment first or by deadline; cursor pagination walks these indexes.
    this.addSql(`create index orders_store_paid_idx on orders.orders (store_id, paid_at desc, id desc)`);
    this.addSql(`create index orders_paid_idx on orders.orders (paid_at desc, id desc)`);
    this.addSql(`create index orders_main_account_idx on orders.orders (main_account_id, paid_at desc)`);
    this.addSql(`create index orders_awaiting_ship_by_idx on orders.orders (ship_by, id)
      where status in ('WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS')`);
    this.addSql(`create table orders.late_shipment_strikes (
      order_id uuid primary key references orders.orders (id),
      store_id text not null,
      struck_at timestamptz not null
    )`);
    this.addSql(`create index late_strikes_store_idx on orders.late_shipment_strikes (store_id, struck_at)`);
  }
}
