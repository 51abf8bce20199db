import { Migration } from './migration';

/**
 * The outbox wakes the relay itself: a statement trigger notifies, and PostgreSQL delivers one
 * notification per transaction at commit, so no command spends a round trip on NOTIFY. The audit
 * record names the events its change raised.
 */
export class Migration20261126001000OutboxNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function platform.notify_outbox() returns trigger language plpgsql as $$
      begin
        perform pg_notify('tradehub_outbox', '');
        return null;
      end $$`);
    this.addSql(
      `create trigger outbox_notify after insert on platform.outbox for each statement execute function platform.notify_outbox()`,
    );
    this.addSql(`alter table platform.audit_log add column events jsonb not null default '[]'`);
  }
}
