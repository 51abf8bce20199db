import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MigrationEntry } from './migration';

/**
 * Builds the ORM for a database URL. Schema auto-sync is never used: the committed migrations
 * are the schema, applied by `migrate` (or on start in embedded mode).
 */
export async function openOrm(databaseUrl: string, migrations: readonly MigrationEntry[]): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    ensureDatabase: false,
    pool: { min: 0, max: 10 },
    debug: false,
    migrations: {
      migrationsList: migrations.map((m) => ({ name: m.name, class: m.class })),
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
  });
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
