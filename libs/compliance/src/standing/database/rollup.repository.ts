import { Injectable } from '@nestjs/common';
import { pgArray, type Sql } from '@tradehub/platform';
import { NOTHING, type WindowTotals } from '../domain';
import { FACT_COLUMNS, STORE_DAY_COLUMNS } from './fact-columns';

export type DayCounts = Partial<Record<(typeof STORE_DAY_COLUMNS)[number], number>>;

/** Each roll-up column with its field in WindowTotals, named once (a read maps thousands of rows). */
const FIELDS = STORE_DAY_COLUMNS.map(
  (column) =>
    [column, column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof WindowTotals] as const,
);

/** A window's sums per store and per UTC day, added up by PostgreSQL. */
export interface WindowSums {
  byStore: Map<string, WindowTotals>;
  byDay: Map<string, WindowTotals>;
}

export interface GmvRow {
  storeId: string;
  day: string;
  currency: string;
  orders: number;
  gmvMinor: bigint;
}

/** ANA-1: the per-store daily sums, added to as facts arrive, read over a window, rebuilt from the facts. */
@Injectable()
export class RollupRepository {
  /** Adds `counts` to the store's row of the UTC day of `at`. */
  async add(sql: Sql, storeId: string, at: Date, counts: DayCounts): Promise<void> {
    const columns = Object.keys(counts).filter((c) => STORE_DAY_COLUMNS.includes(c));
    if (columns.length === 0) return;
    await sql.query(
      `insert into compliance.store_days (store_id, day, ${columns.join(', ')})
       values (?, (?::timestamptz at time zone 'UTC')::date, ${columns.map(() => '?').join(', ')})
       on conflict (store_id, day) do update set
         ${columns.map((c) => `${c} = store_days.${c} + excluded.${c}`).join(', ')}`,
      [storeId, at, ...columns.map((c) => counts[c as keyof DayCounts])],
    );
  }

  async addGmv(sql: Sql, storeId: string, at: Date, currency: string, minor: bigint): Promise<void> {
    await sql.query(
      `insert into compliance.store_day_gmv (store_id, day, currency, orders, gmv_minor)
       values (?, (?::timestamptz at time zone 'UTC')::date, ?, 1, ?)
       on conflict (store_id, day, currency) do update set orders = store_day_gmv.orders + 1,
         gmv_minor = store_day_gmv.gmv_minor + excluded.gmv_minor`,
      [storeId, at, currency, minor.toString()],
    );
  }

  /** One store's sums over the window. */
  async window(sql: Sql, storeId: string, from: string, to: string): Promise<WindowTotals> {
    return (await this.sums(sql, [storeId], from, to)).byStore.get(storeId) ?? NOTHING;
  }

  /**
   * The stores' sums over the UTC days `from`..`to`, per store and per day, in one statement: the
   * database adds up the store-day rows (thousands across many stores) and sends a row per store
   * and per day.
   */
  async sums(sql: Sql, storeIds: readonly string[], from: string, to: string): Promise<WindowSums> {
    const sums: WindowSums = { byStore: new Map(), byDay: new Map() };
    if (storeIds.length === 0) return sums;
    const rows = await sql.query<Record<string, unknown>>(
      `select store_id, to_char(day, 'YYYY-MM-DD') as day, ${STORE_DAY_COLUMNS.map((c) => `sum(${c})::text as ${c}`).join(', ')}
       from compliance.store_days where store_id = any(?::text[]) and day between ?::date and ?::date
       group by grouping sets ((store_id), (day))`,
      [pgArray([...storeIds]), from, to],
    );
    for (const r of rows)
      if (r.store_id != null) sums.byStore.set(String(r.store_id), totalsOf(r));
      else sums.byDay.set(String(r.day), totalsOf(r));
    return sums;
  }

  async gmv(sql: Sql, storeIds: readonly string[], from: string, to: string): Promise<GmvRow[]> {
    if (storeIds.length === 0) return [];
    const rows = await sql.query<Record<string, unknown>>(
      `select store_id, to_char(day, 'YYYY-MM-DD') as day, currency, orders, gmv_minor::text as gmv_minor
       from compliance.store_day_gmv where store_id = any(?::text[]) and day between ?::date and ?::date
       order by day, store_id, currency`,
      [pgArray([...storeIds]), from, to],
    );
    return rows.map((r) => ({
      storeId: String(r.store_id),
      day: String(r.day),
      currency: String(r.currency),
      orders: Number(r.orders),
      gmvMinor: BigInt(String(r.gmv_minor)),
    }));
  }

  /** Stores with anything counted on or after `from` (the ones a moving window can still change). */
  async activeStores(sql: Sql, from: string): Promise<string[]> {
    const rows = await sql.query<{ store_id: string }>(
      `select distinct store_id from compliance.store_days where day >= ?::date order by store_id`,
      [from],
    );
    return rows.map((r) => r.store_id);
  }

  /**
   * ANA-1's rebuild: the roll-ups of the given stores (all when null) recomputed from the facts with
   * FACT_COLUMNS, replacing what the events added up.
   */
  async rebuild(sql: Sql, storeIds: readonly string[] | null): Promise<void> {
    const only = storeIds === null ? '' : 'and store_id = any(?::text[])';
    const params = storeIds === null ? [] : [pgArray([...storeIds])];
    const where = storeIds === null ? '' : 'where store_id = any(?::text[])';
    // Events counted meanwhile wait for the rebuild, then add to its rows: none is lost or counted twice.
    await sql.query(`lock table compliance.store_days, compliance.store_day_gmv in share row exclusive mode`);
    await sql.query(`delete from compliance.store_days ${where}`, params);
    await sql.query(`delete from compliance.store_day_gmv ${where}`, params);
    const parts = FACT_COLUMNS.map(
      (f) =>
        `select store_id, (${f.at} at time zone 'UTC')::date as day, ${STORE_DAY_COLUMNS.map((c) =>
          c === f.column ? `(${f.amount()})::bigint as ${c}` : `0::bigint as ${c}`,
        ).join(', ')} from compliance.${f.table} where ${f.at} is not null ${only}`,
    );
    await sql.query(
      `insert into compliance.store_days (store_id, day, ${STORE_DAY_COLUMNS.join(', ')})
       select store_id, day, ${STORE_DAY_COLUMNS.map((c) => `sum(${c})`).join(', ')}
       from (${parts.join(' union all ')}) facts group by store_id, day`,
      FACT_COLUMNS.flatMap(() => params),
    );
    await sql.query(
      `insert into compliance.store_day_gmv (store_id, day, currency, orders, gmv_minor)
       select store_id, (paid_at at time zone 'UTC')::date, currency, count(*), sum(total_minor)
       from compliance.order_facts where paid_at is not null ${only}
       group by 1, 2, 3`,
      params,
    );
  }
}

function totalsOf(row: Record<string, unknown>): WindowTotals {
  const totals = { ...NOTHING };
  for (const [column, field] of FIELDS) totals[field] = Number(row[column] ?? 0);
  return totals;
}
