import { Migration } from '@tradehub/platform';

/** ORD-7, DSP-4: the issue status beside the order status, fed by Disputes' events. */
export class Migration20261127000300OrderIssueStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table orders.orders add column issue_status text not null default 'NONE'
      check (issue_status in ('NONE', 'OPEN', 'ESCALATED', 'CLOSED'))`);
  }
}
