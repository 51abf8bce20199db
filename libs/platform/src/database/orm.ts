import { EntitySchema, EventSubscriber, MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MigrationEntry } from './migration';
import { PipeliningClient } from './pipelining-client';
import { RecoveringPostgreSqlDriver } from './recovering-driver';

/**
 * Opens the ORM that applies the committed migrations, as the login user (it creates schemas
 * and roles). Schema auto-sync is never used: the migrations are the schema.
 */
export async function openMigrator(
  databaseUrl: string,
  migrations: readonly MigrationEntry[],
): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    ensureDatabase: false,
    pool: { min: 0, max: 1 },
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

export interface RoleOrmOptions {
  databaseUrl: string;
  /** The PostgreSQL role every connection of the pool acts as (see the context-roles migration). */
  role: string;
  entities: readonly EntitySchema[];
  subscribers?: readonly EventSubscriber[];
  poolMax: number;
}

/**
 * One pool acting as one role: a context's connections can reach only its own schema and the
 * platform's, so a hidden cross-context query fails loudly. The role is a startup parameter of
 * each connection, which costs no round trip.
 */
export async function openRoleOrm(options: RoleOrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    driver: RecoveringPostgreSqlDriver,
    clientUrl: options.databaseUrl,
    // MikroORM finds "the current entity manager" by this name: each pool needs its own, or a
    // transaction of one context would be picked up by another context's entity manager.
    contextName: options.role,
    // pg's startup `options`: every connection of the pool acts as the role from its first statement.
    driverOptions: { options: roleOption(options.role), Client: PipeliningClient },
    entities: [...options.entities],
    subscribers: [...(options.subscribers ?? [])],
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    pool: { min: 0, max: options.poolMax, idleTimeoutMillis: 10_000 },
    debug: false,
    // No per-instance accessors on every loaded entity: they exist for bidirectional relations,
    // which no aggregate has, and made each load and each field access measurably slower.
    propagationOnPrototype: false,
    flushMode: 'commit',
  });
}

/**
 * The role, and no JIT: compiling a plan costs tens of milliseconds, never repaid by statements
 * that touch a handful of rows, yet PostgreSQL turns it on by cost when a large table's statistics
 * lag (a ledger check went from 2 to 140 ms per call with 100,000 postings).
 */
export function roleOption(role: string): string {
  return `-c role=${role} -c jit=off`;
}

/** A connection string whose connections act as `role` (for plain pg clients, e.g. the relay's LISTEN). */
export function withRole(databaseUrl: string, role: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', roleOption(role));
  return url.toString();
}
