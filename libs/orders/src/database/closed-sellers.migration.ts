import { Migration } from '@tradehub/platform';

/**
 * CMP-4 in Orders: the sellers Compliance closed (a reopened one keeps its row, closed = false, so an
 * older change arriving late never undoes a newer one), and the paid orders refused for it, one row
 * per marketplace order id so the refusal is published once however often checkout sends it.
 */
export class Migration20261127000622OrdersClosedSellers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table orders.closed_sellers (
      seller_id text primary key,
      closed boolean not null,
      reason text not null,
      changed_at timestamptz not null
    )`);
    this.addSql(`create table orders.refused_orders (
      marketplace_order_id text primary key,
      seller_id text not null,
      store_id text not null,
      code text not null,
      refused_at timestamptz not null
    )`);
  }
}
