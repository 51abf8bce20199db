import { Migration, type MigrationEntry } from '@tradehub/platform';

/**
 * CMP-5: the risk board. One row per flag: open while `cleared_at` is null. While open, a flag is
 * identified by (code, store, order, package); NULLS NOT DISTINCT makes a store-level flag (no
 * order) or an order-level one (no package) one key too, so a second raise finds the open row and
 * a raise after clearing opens a new one.
 */
export class Migration20261127000610ComplianceBoard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table compliance.board_flags (
      id uuid primary key,
      risk_type smallint not null check (risk_type between 1 and 17),
      code text not null,
      severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
      store_id text not null,
      order_id uuid,
      package_id uuid,
      reason text not null,
      source text not null,
      raised_at timestamptz not null,
      cleared_at timestamptz,
      clear_reason text,
      check ((cleared_at is null) = (clear_reason is null))
    )`);
    this.addSql(`create unique index board_flags_open_key on compliance.board_flags
      (code, store_id, order_id, package_id) nulls not distinct where cleared_at is null`);
    // The list, newest first: per store (a seller's scope) and across stores (operators).
    this.addSql(`create index board_flags_open_by_store on compliance.board_flags
      (store_id, raised_at desc, id desc) where cleared_at is null`);
    this.addSql(
      `create index board_flags_by_store on compliance.board_flags (store_id, raised_at desc, id desc)`,
    );
    this.addSql(`create index board_flags_open_recent on compliance.board_flags
      (raised_at desc, id desc) where cleared_at is null`);
    // The red badges: open flags per store and type, answered from the index alone.
    this.addSql(`create index board_flags_open_counts on compliance.board_flags
      (store_id, risk_type) where cleared_at is null`);
  }
}

export const boardMigrations: MigrationEntry[] = [
  { name: 'Migration20261127000610ComplianceBoard', class: Migration20261127000610ComplianceBoard },
];
