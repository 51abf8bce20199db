import { Migration } from '@tradehub/platform';

/**
 * REV-1..5: one review per order with its reply, per-store daily roll-ups of counts and rating sums
 * (the window's figures never scan reviews), and the stores' late-shipment strikes (REV-5).
 */
export class Migration20261127000500ReviewsLifecycle extends Migration {
  override async up(): Promise<void> {
    const rating = (column: string) => `${column} integer not null check (${column} between 1 and 5)`;
    this.addSql(`create table reviews.reviews (
      id uuid primary key,
      marketplace_review_id text not null unique,
      order_id uuid not null unique,
      store_id text not null,
      buyer_id text not null,
      ${rating('overall')},
      ${rating('item_as_described')},
      ${rating('communication')},
      ${rating('shipping_speed')},
      text text not null,
      reviewed_at timestamptz not null,
      reply text,
      replied_by text,
      replied_at timestamptz,
      version integer not null
    )`);
    this.addSql(`create index reviews_store_idx on reviews.reviews (store_id, reviewed_at desc, id desc)`);
    this.addSql(`create index reviews_buyer_idx on reviews.reviews (buyer_id, reviewed_at)`);
    this.addSql(`create table reviews.store_days (
      store_id text not null,
      day date not null,
      reviews integer not null check (reviews >= 0),
      positive integer not null check (positive between 0 and reviews),
      item_sum integer not null,
      communication_sum integer not null,
      shipping_sum integer not null,
      primary key (store_id, day)
    )`);
    this.addSql(`create table reviews.store_strikes (
      order_id uuid primary key,
      store_id text not null,
      struck_at timestamptz not null
    )`);
    this.addSql(`create index store_strikes_store_idx on reviews.store_strikes (store_id, struck_at)`);
  }
}
