import { Migration } from '@tradehub/platform';

/** SET-3: the release schedule reads only the frozen orders of the caller's stores. */
export class Migration20261128000100ReleaseSchedule extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index settlement_orders_frozen_idx on settlement.settlement_orders (store_id)
      where fund_status in ('FROZEN', 'IN_REVIEW', 'HELD') and frozen_minor > 0`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index settlement.settlement_orders_frozen_idx');
  }
}
