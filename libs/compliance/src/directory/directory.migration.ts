import { Migration, type MigrationEntry } from '@tradehub/platform';

/** Which seller and main account each store belongs to, as Orders' events tell (CMP-4's closure, ORD-6's filters). */
export class Migration20261127000600ComplianceDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table compliance.stores (
      store_id text primary key,
      seller_id text not null,
      main_account_id text not null,
      first_seen_at timestamptz not null
    )`);
    this.addSql(`create index stores_seller on compliance.stores (seller_id)`);
    this.addSql(`create index stores_main_account on compliance.stores (main_account_id)`);
  }
}

export const directoryMigrations: MigrationEntry[] = [
  { name: 'Migration20261127000600ComplianceDirectory', class: Migration20261127000600ComplianceDirectory },
];
