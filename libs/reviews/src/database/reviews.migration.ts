import { Migration } from '@tradehub/platform';

/** The Reviews context's own schema; its tables arrive with its issues (see ROADMAP). */
export class Migration20261126000200Reviews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists reviews`);
  }
}
