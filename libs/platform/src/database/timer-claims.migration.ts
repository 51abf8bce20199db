import { Migration } from './migration';

/**
 * Timers are claimed with a short lease instead of being held locked while they fire, so a
 * firing timer never holds a timer row while it waits for its aggregate: every transaction locks
 * the aggregate first and the timer row second, and none can deadlock.
 */
export class Migration20261126000500TimerClaims extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table platform.timers add column claim_token uuid, add column claimed_until timestamptz`,
    );
  }
}
