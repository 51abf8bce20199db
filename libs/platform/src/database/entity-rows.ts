import { EntityMetadata } from '@mikro-orm/postgresql';

/** One mapped entity's row change, as SQL with `?` parameters, for the save path's one statement. */
export interface RowWrite {
  sql: string;
  params: unknown[];
  /** What the statement must have matched exactly one row of (an UPDATE); checked by the statement itself. */
  guard?: string;
  /** What the statement (a select) must find no row of; checked the same way. */
  absent?: string;
}

type Form = Record<string, unknown>;

/**
 * Rows written from the entity's mapping (its `defineEntity` metadata) and its stored form (the
 * ORM comparator's snapshot, already in database form: JSON as text, custom types converted).
 * The save path sends them with the outbox, audit and timer rows in the statement that rides with
 * COMMIT, so an aggregate's write costs no round trip and none of the ORM's flush machinery.
 */
export const entityRows = {
  insert(meta: EntityMetadata, entity: Form, form: Form): RowWrite {
    // The comparator's form leaves the version out: it is written as the entity holds it (1 when unset).
    const version = meta.versionProperty;
    if (version) form[version] = entity[version] = Number(entity[version] ?? 1);
    const keys = scalarKeys(meta).filter((key) => form[key] !== undefined);
    return {
      sql: `insert into ${table(meta)} (${keys.map((k) => column(meta, k)).join(', ')}) values (${keys.map(() => '?').join(', ')})`,
      params: keys.map((key) => form[key]),
    };
  },

  /** Only the changed fields; the version moves by one and must still be the loaded one. */
  update(meta: EntityMetadata, entity: Form, form: Form, changed: readonly string[]): RowWrite | null {
    const version = meta.versionProperty;
    const keys = changed.filter((key) => key !== version && isScalar(meta, key));
    if (keys.length === 0) return null;
    const sets = keys.map((key) => `${column(meta, key)} = ?`);
    const params = keys.map((key) => form[key]);
    const where = meta.primaryKeys.map((key) => `${column(meta, key)} = ?`);
    const whereParams = meta.primaryKeys.map((key) => form[key]);
    if (version) {
      const loaded = Number(entity[version] ?? 0);
      sets.push(`${column(meta, version)} = ?`);
      params.push(loaded + 1);
      where.push(`${column(meta, version)} = ?`);
      whereParams.push(loaded);
      form[version] = entity[version] = loaded + 1;
    }
    return {
      sql: `update ${table(meta)} set ${sets.join(', ')} where ${where.join(' and ')} returning 1`,
      params: [...params, ...whereParams],
      guard: `${meta.className} ${meta.primaryKeys.map((key) => String(form[key])).join('/')}`,
    };
  },

  /** The row of one primary key (a single-column key), locked for the transaction when asked. */
  selectById(meta: EntityMetadata, forUpdate: boolean): string {
    const [key] = meta.primaryKeys;
    return `select * from ${table(meta)} where ${column(meta, key)} = ?${forUpdate ? ' for update' : ''}`;
  },

  delete(meta: EntityMetadata, form: Form): RowWrite {
    return {
      sql: `delete from ${table(meta)} where ${meta.primaryKeys.map((key) => `${column(meta, key)} = ?`).join(' and ')}`,
      params: meta.primaryKeys.map((key) => form[key]),
    };
  },
};

function scalarKeys(meta: EntityMetadata): string[] {
  return meta.props.filter((prop) => isScalar(meta, prop.name)).map((prop) => prop.name);
}

function isScalar(meta: EntityMetadata, key: string): boolean {
  const prop = meta.properties[key];
  return prop !== undefined && prop.kind === 'scalar' && prop.persist !== false && !prop.formula;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function table(meta: EntityMetadata): string {
  return meta.schema ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName);
}

function column(meta: EntityMetadata, key: string): string {
  return quote(meta.properties[key].fieldNames[0]);
}
