import { Migration } from '@tradehub/platform';

/** ORD-7: the fund status beside the order status, fed by Settlement's events. */
export class Migration20261127000220OrderFundStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table orders.orders add column fund_status text not null default 'NOT_DUE'
      check (fund_status in ('NOT_DUE', 'FROZEN', 'IN_REVIEW', 'HELD', 'RELEASED'))`);
  }
}
