import { Migration } from '@tradehub/platform';

/**
 * SET-3: when a review's money was last held, so the held queue is oldest hold first and shows how
 * long each has waited. A hold made before this column existed gets its review's instant: most
 * holds are made there, and the row does not say whether a later signal held it at day 7 instead.
 */
export class Migration20261128000300HeldAt extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table settlement.settlement_orders add column held_at timestamptz');
    this.addSql(`update settlement.settlement_orders set held_at = reviewed_at where fund_status = 'HELD'`);
    this.addSql('drop index settlement.settlement_orders_held_idx');
    this.addSql(`create index settlement_orders_held_idx on settlement.settlement_orders (held_at, id)
      where fund_status = 'HELD'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index settlement.settlement_orders_held_idx');
    this.addSql(`create index settlement_orders_held_idx on settlement.settlement_orders (reviewed_at, id)
      where fund_status = 'HELD'`);
    this.addSql('alter table settlement.settlement_orders drop column held_at');
  }
}
