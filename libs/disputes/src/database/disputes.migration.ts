import { Migration } from '@tradehub/platform';

/** The Disputes context's own schema; its tables follow in the lifecycle migration. */
export class Migration20261126000200Disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists disputes`);
  }
}
