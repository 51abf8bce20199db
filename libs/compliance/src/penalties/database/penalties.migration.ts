import { Migration } from '@tradehub/platform';

/**
 * CMP-4: one row per seller account with its fake-shipment cases (jsonb: they are read and changed
 * with the account, never alone); the GIN index finds the account of a case for an appeal.
 */
export class Migration20261127000620CompliancePenalties extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table compliance.seller_accounts (
      seller_id text primary key,
      points integer not null check (points >= 0),
      counted_cases integer not null check (counted_cases >= 0),
      closed boolean not null,
      closed_at timestamptz,
      cases jsonb not null default '[]',
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null
    )`);
    this.addSql(
      `create index seller_accounts_cases_idx on compliance.seller_accounts using gin (cases jsonb_path_ops)`,
    );
  }
}
