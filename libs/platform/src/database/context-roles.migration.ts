import { Migration } from './migration';

const CONTEXTS = ['orders', 'fulfillment', 'settlement', 'disputes', 'reviews', 'compliance'];
const ROLES = ['platform', ...CONTEXTS].map((c) => `tradehub_${c}`);

/**
 * One PostgreSQL role per context: a context's connections act as its role (a startup parameter,
 * no extra round trip), reach its own schema and the platform's, and nothing else, so a hidden
 * cross-context query fails with "permission denied". Roles are cluster-wide and may already
 * exist (another database on the server); grants are per database. Tables a later migration
 * creates are covered by the default privileges.
 */
export class Migration20261126000900ContextRoles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      declare r text;
      begin
        foreach r in array array[${ROLES.map((r) => `'${r}'`).join(', ')}] loop
          begin
            execute format('create role %I nologin', r);
          exception when duplicate_object or unique_violation then null;
          end;
          execute format('grant %I to current_user', r);
        end loop;
      end $$`);
    const all = ROLES.join(', ');
    this.addSql(`grant usage on schema platform to ${all}`);
    this.addSql(`grant select, insert, update, delete on all tables in schema platform to ${all}`);
    this.addSql(`grant usage, select on all sequences in schema platform to ${all}`);
    this.addSql(
      `alter default privileges in schema platform grant select, insert, update, delete on tables to ${all}`,
    );
    this.addSql(`alter default privileges in schema platform grant usage, select on sequences to ${all}`);
    for (const context of CONTEXTS) {
      const role = `tradehub_${context}`;
      this.addSql(`grant usage on schema ${context} to ${role}`);
      this.addSql(`grant select, insert, update, delete on all tables in schema ${context} to ${role}`);
      this.addSql(`grant usage, select on all sequences in schema ${context} to ${role}`);
      this.addSql(
        `alter default privileges in schema ${context} grant select, insert, update, delete on tables to ${role}`,
      );
      this.addSql(
        `alter default privileges in schema ${context} grant usage, select on sequences to ${role}`,
      );
    }
  }
}
