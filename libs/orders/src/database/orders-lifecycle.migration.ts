import { Migration } from '@tradehub/platform';

/** ORD-5 cancellation, FUL-7 delivery, and the logistics flags sellers filter by. */
export class Migration20261126000300OrdersLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table orders.orders
      add column cancellation jsonb,
      add column delivered_at timestamptz,
      add column in_abnormal_pool boolean not null default false,
      add column under_review boolean not null default false`);
    this.addSql(`create index orders_abnormal_idx on orders.orders (store_id) where in_abnormal_pool`);
    this.addSql(`create index orders_under_review_idx on orders.orders (store_id) where under_review`);
  }
}
