import { Migration } from './migration';

/**
 * Room on each page of the timers table, so that claiming a timer (its claim token and lease, no
 * indexed column) is a HOT update: no new entry in the table's four indexes for every claim.
 * Pages written before keep their fill; they gain room as rows on them are updated and pruned.
 */
export class Migration20261128000400TimerFillfactor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table platform.timers set (fillfactor = 70)`);
  }
}
