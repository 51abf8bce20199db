import { DEFERRED } from './pipelining-client';
import { bigintJson, Sql } from './sql';
import { TimerCancel, timerCancel, TimerSpec, timerUpsert } from '../timers/timer-sql';
import type { AuditRecord, OutboxRecord } from './platform-records';
import type { RowWrite } from './entity-rows';

/**
 * What one transaction writes at its end: the aggregates' and records' own rows, and the platform
 * rows (outbox events, audit records, timers scheduled and cancelled). The save path collects them
 * and writes them in one statement that rides with COMMIT, so the whole tail costs no round trip of
 * its own however many aggregates changed.
 */
export class PlatformWrites {
  private readonly outbox: OutboxRecord[] = [];
  private readonly audit: AuditRecord[] = [];
  private readonly schedule: TimerSpec[] = [];
  private readonly cancel: TimerCancel[] = [];
  private readonly rows: RowWrite[] = [];

  addRow(row: RowWrite): void {
    this.rows.push(row);
  }

  addOutbox(record: OutboxRecord): void {
    this.outbox.push(record);
  }

  addAudit(record: AuditRecord): void {
    this.audit.push(record);
  }

  addTimers(schedule: readonly TimerSpec[], cancel: readonly string[], subject: string, at: Date): void {
    this.schedule.push(...schedule);
    for (const kind of cancel) this.cancel.push({ subject, kind, at });
  }

  /** Writes everything collected so far, in one statement (nothing when nothing was collected). */
  async write(sql: Sql): Promise<void> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (this.outbox.length > 0) parts.push(this.outboxInsert(params));
    if (this.audit.length > 0) parts.push(this.auditInsert(params));
    if (this.schedule.length > 0) {
      const upsert = timerUpsert(this.schedule);
      parts.push(upsert.sql);
      params.push(...upsert.params);
    }
    if (this.cancel.length > 0) {
      const cancel = timerCancel(this.cancel);
      parts.push(cancel.sql);
      params.push(...cancel.params);
    }
    const guards: string[] = [];
    const labels: string[] = [];
    for (const row of this.rows) {
      if (row.guard) {
        guards.push(`platform.expect_one_row((select count(*) from w${parts.length}), ?)`);
        labels.push(row.guard);
      }
      if (row.absent) {
        guards.push(`platform.expect_no_row((select count(*) from w${parts.length}), ?)`);
        labels.push(row.absent);
      }
      parts.push(row.sql);
      params.push(...row.params);
    }
    params.push(...labels);
    this.outbox.length = this.audit.length = this.schedule.length = this.cancel.length = 0;
    this.rows.length = 0;
    if (parts.length === 0) return;
    // Data-modifying CTEs run together on one snapshot; the parts never touch the same row. Nobody
    // reads the result, so the statement rides with the transaction's next one (PipeliningClient);
    // an UPDATE that matched no row fails it, and the commit with it.
    await sql.query(
      `${DEFERRED}with ${parts.map((part, i) => `w${i} as (${part})`).join(', ')} select ${guards.length > 0 ? guards.join(', ') : '1'}`,
      params,
    );
  }

  private outboxInsert(params: unknown[]): string {
    const rows = this.outbox.map((r) => {
      params.push(r.id, r.topic, r.key, r.type, r.schemaVersion, r.source, r.subject);
      params.push(JSON.stringify(r.payload, bigintJson), r.occurredAt);
      return '(?::uuid, ?, ?, ?, ?::int, ?, ?, ?::jsonb, ?::timestamptz)';
    });
    return `insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at) values ${rows.join(', ')}`;
  }

  private auditInsert(params: unknown[]): string {
    const rows = this.audit.map((r) => {
      params.push(r.id, r.at, r.actor, r.actorKind, r.requestId, r.action, r.subjectType, r.subjectId);
      params.push(r.storeId, JSON.stringify(r.changes, bigintJson), JSON.stringify(r.events));
      return '(?::uuid, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)';
    });
    return `insert into platform.audit_log (id, at, actor, actor_kind, request_id, action, subject_type, subject_id, store_id, changes, events) values ${rows.join(', ')}`;
  }
}
