import { Injectable } from '@nestjs/common';
import { newId } from '@tradehub/kernel';
import { pgArray, type Sql } from '@tradehub/platform';
import type { IneligibilityReasonV1, SlaScorePartV1 } from '../../contract/events';

export interface StoredStanding {
  storeId: string;
  asOf: Date;
  score: string | null;
  parts: SlaScorePartV1[];
  eligible: boolean;
  reasons: IneligibilityReasonV1[];
}

export interface OpenWarning {
  id: string;
  warning: string;
  value: string;
  bar: string;
  raisedAt: Date;
}

/** CMP-1..3: a store's last computed standing, its score per day, and its open downgrade warnings. */
@Injectable()
export class StandingRepository {
  async lock(sql: Sql, storeId: string): Promise<StoredStanding | null> {
    const [row] = await sql.query<Record<string, unknown>>(
      `select store_id, as_of, score::text as score, parts, eligible, reasons
       from compliance.store_standing where store_id = ? for update`,
      [storeId],
    );
    return row ? standingOf(row) : null;
  }

  async find(sql: Sql, storeIds: readonly string[]): Promise<StoredStanding[]> {
    if (storeIds.length === 0) return [];
    const rows = await sql.query<Record<string, unknown>>(
      `select store_id, as_of, score::text as score, parts, eligible, reasons
       from compliance.store_standing where store_id = any(?::text[]) order by store_id`,
      [pgArray(storeIds)],
    );
    return rows.map(standingOf);
  }

  async save(sql: Sql, s: StoredStanding, day: string): Promise<void> {
    await sql.query(
      `insert into compliance.store_standing (store_id, as_of, score, parts, eligible, reasons)
       values (?, ?, ?::numeric, ?::jsonb, ?, ?::jsonb)
       on conflict (store_id) do update set as_of = excluded.as_of, score = excluded.score,
         parts = excluded.parts, eligible = excluded.eligible, reasons = excluded.reasons`,
      [s.storeId, s.asOf, s.score, JSON.stringify(s.parts), s.eligible, JSON.stringify(s.reasons)],
    );
    // CMP-1's history: the day's last score stands for the day.
    await sql.query(
      `insert into compliance.sla_score_days (store_id, day, score, parts, as_of) values (?, ?::date, ?::numeric, ?::jsonb, ?)
       on conflict (store_id, day) do update set score = excluded.score, parts = excluded.parts, as_of = excluded.as_of`,
      [s.storeId, day, s.score, JSON.stringify(s.parts), s.asOf],
    );
  }

  async history(
    sql: Sql,
    storeId: string,
    from: string,
    to: string,
  ): Promise<{ day: string; score: string | null; parts: SlaScorePartV1[] }[]> {
    const rows = await sql.query<{ day: string; score: string | null; parts: SlaScorePartV1[] }>(
      `select to_char(day, 'YYYY-MM-DD') as day, score::text as score, parts from compliance.sla_score_days
       where store_id = ? and day between ?::date and ?::date order by day`,
      [storeId, from, to],
    );
    return rows.map((r) => ({ ...r, parts: orderedParts(r.parts) }));
  }

  async openWarnings(sql: Sql, storeId: string): Promise<OpenWarning[]> {
    const rows = await sql.query<{
      id: string;
      warning: string;
      value: string;
      bar: string;
      raised_at: Date;
    }>(
      `select id, warning, value, bar, raised_at from compliance.downgrade_warnings
       where store_id = ? and cleared_at is null order by warning`,
      [storeId],
    );
    return rows.map((r) => ({
      id: r.id,
      warning: r.warning,
      value: r.value,
      bar: r.bar,
      raisedAt: new Date(r.raised_at),
    }));
  }

  async warnings(
    sql: Sql,
    storeIds: readonly string[],
    openOnly: boolean,
  ): Promise<Record<string, unknown>[]> {
    if (storeIds.length === 0) return [];
    return sql.query(
      `select id, store_id, warning, value, bar, raised_at, cleared_at, cleared_value from compliance.downgrade_warnings
       where store_id = any(?::text[]) ${openOnly ? 'and cleared_at is null' : ''} order by raised_at desc, id desc limit 500`,
      [pgArray(storeIds)],
    );
  }

  async raiseWarning(
    sql: Sql,
    storeId: string,
    warning: string,
    value: string,
    bar: string,
    at: Date,
  ): Promise<void> {
    await sql.query(
      `insert into compliance.downgrade_warnings (id, store_id, warning, value, bar, raised_at) values (?, ?, ?, ?, ?, ?)`,
      [newId(), storeId, warning, value, bar, at],
    );
  }

  async clearWarning(sql: Sql, id: string, value: string | null, at: Date): Promise<void> {
    await sql.query(
      `update compliance.downgrade_warnings set cleared_at = ?, cleared_value = ? where id = ?`,
      [at, value, id],
    );
  }
}

function standingOf(row: Record<string, unknown>): StoredStanding {
  return {
    storeId: String(row.store_id),
    asOf: new Date(row.as_of as Date),
    score: (row.score as string | null) ?? null,
    parts: orderedParts(row.parts as SlaScorePartV1[]),
    eligible: Boolean(row.eligible),
    reasons: orderedReasons(row.reasons as IneligibilityReasonV1[]),
  };
}

/** jsonb keeps keys in its own order; the API shows each part's fields in the contract's. */
function orderedParts(parts: SlaScorePartV1[]): SlaScorePartV1[] {
  return parts.map((p) => ({
    metric: p.metric,
    value: p.value,
    subScore: p.subScore,
    weight: p.weight,
    contribution: p.contribution,
  }));
}

/** The same for the campaign gate's reasons (a refresh compares them with what it computed). */
function orderedReasons(reasons: IneligibilityReasonV1[]): IneligibilityReasonV1[] {
  return reasons.map((r) => ({
    code: r.code,
    ...(r.dimension === undefined ? {} : { dimension: r.dimension }),
    ...(r.value === undefined ? {} : { value: r.value }),
    ...(r.bar === undefined ? {} : { bar: r.bar }),
    message: r.message,
  }));
}
