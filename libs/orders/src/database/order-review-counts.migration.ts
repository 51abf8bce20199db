import { Migration } from '@tradehub/platform';

/** Counts of open review tasks per order, so one decided task does not clear the flags another still holds. */
export class Migration20261126000800OrderReviewCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table orders.orders
      add column open_review_tasks int not null default 0,
      add column open_abnormal_tasks int not null default 0`);
  }
}
