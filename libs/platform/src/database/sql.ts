/**
 * The one way repositories speak SQL: positional `?` parameters through the transaction's
 * entity manager. PostgreSQL bigint and numeric come back as strings; callers convert.
 */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * A PostgreSQL array literal for `= any(?::text[])`. Array parameters would otherwise be
 * expanded into a list by the driver (and an empty list is not valid SQL).
 */
export function pgArray(values: readonly (string | number | bigint)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** JSON.stringify replacer: bigints (money in minor units) as decimal strings. */
export function bigintJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
