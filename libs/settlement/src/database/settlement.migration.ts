import { Migration } from '@tradehub/platform';

/** The Settlement context's own schema; its tables arrive with its issues (see ROADMAP). */
export class Migration20261126000200Settlement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists settlement`);
  }
}
