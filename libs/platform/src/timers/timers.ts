import { Injectable } from '@nestjs/common';
import { newId } from '@tradehub/kernel';
import { Sql } from '../database/sql';

export interface TimerSpec {
  /** What fires, e.g. `orders.ship-deadline`; chooses the handler. */
  kind: string;
  /** What it concerns, e.g. `order:<id>`; at most one pending timer per kind and subject. */
  subject: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/**
 * Durable deadlines: rows written in the transaction of the change that creates them, so a
 * deadline exists exactly when its cause committed.
 */
@Injectable()
export class Timers {
  /** Schedules, or moves a pending timer of the same kind and subject. */
  async schedule(tx: Sql, spec: TimerSpec): Promise<void> {
    await tx.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at, payload)
       values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (kind, subject) where status = 'pending'
       do update set due_at = excluded.due_at, next_attempt_at = excluded.next_attempt_at, payload = excluded.payload, attempts = 0`,
      [newId(), spec.kind, spec.subject, spec.dueAt, spec.dueAt, JSON.stringify(spec.payload ?? {})],
    );
  }

  async cancel(tx: Sql, kind: string, subject: string, now: Date): Promise<void> {
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ? where kind = ? and subject = ? and status = 'pending'`,
      [now, kind, subject],
    );
  }

  /** Cancels every pending timer of a subject, e.g. when an order is cancelled. */
  async cancelAll(tx: Sql, subject: string, now: Date): Promise<void> {
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ? where subject = ? and status = 'pending'`,
      [now, subject],
    );
  }

  async pendingFor(tx: Sql, subject: string): Promise<{ kind: string; dueAt: Date }[]> {
    const rows = await tx.query<{ kind: string; due_at: Date }>(
      `select kind, due_at from platform.timers where subject = ? and status = 'pending' order by due_at`,
      [subject],
    );
    return rows.map((r) => ({ kind: r.kind, dueAt: new Date(r.due_at) }));
  }
}
