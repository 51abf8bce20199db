import { Injectable } from '@nestjs/common';
import { Deadline, newId } from '@tradehub/kernel';
import { pgArray, Sql } from '../database/sql';
import { firingContext } from './firing-context';

export interface TimerSpec {
  /** What fires, e.g. `orders.ship-deadline`; chooses the handler. */
  kind: string;
  /** What it concerns, e.g. `order:<id>`; at most one pending timer per kind and subject. */
  subject: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

const UPSERT_CONFLICT = `on conflict (kind, subject) where status = 'pending'
  do update set due_at = excluded.due_at, next_attempt_at = excluded.next_attempt_at, payload = excluded.payload,
    attempts = 0, claim_token = null, claimed_until = null`;

/**
 * Durable deadlines: rows written in the transaction of the change that creates them, so a
 * deadline exists exactly when its cause committed. The save path calls `sync` with the deadlines
 * an aggregate moved; a handler firing a timer may re-arm or cancel that very timer (firing-context).
 */
@Injectable()
export class Timers {
  /** Schedules (or moves) and cancels one subject's timers: at most two statements. */
  async sync(
    tx: Sql,
    subject: string,
    payload: Record<string, unknown>,
    moved: readonly Deadline[],
    now: Date,
  ): Promise<void> {
    const firing = firingContext.current();
    const own = (kind: string): boolean => firing?.kind === kind && firing.subject === subject;
    const schedule: TimerSpec[] = [];
    const cancel: string[] = [];
    for (const { kind, dueAt } of moved) {
      if (dueAt === null) {
        // Cancelling the timer being fired is moot: it is marked fired with this transaction.
        if (!own(kind)) cancel.push(kind);
      } else if (own(kind)) {
        // The handler re-arms the timer it fires: the sweeper adds it once this one is marked fired.
        firing!.reschedule = { kind, subject, dueAt, payload };
      } else schedule.push({ kind, subject, dueAt, payload });
    }
    if (schedule.length > 0) await this.insert(tx, schedule);
    if (cancel.length > 0) {
      await tx.query(
        `update platform.timers set status = 'cancelled', cancelled_at = ?
         where subject = ? and kind = any(?::text[]) and status = 'pending'`,
        [now, subject, pgArray(cancel)],
      );
    }
  }

  /** Schedules, or moves a pending timer of the same kind and subject. */
  async schedule(tx: Sql, spec: TimerSpec): Promise<void> {
    const firing = firingContext.current();
    if (firing && firing.kind === spec.kind && firing.subject === spec.subject) {
      firing.reschedule = spec;
      return;
    }
    await this.insert(tx, [spec]);
  }

  async cancel(tx: Sql, kind: string, subject: string, now: Date): Promise<void> {
    const firing = firingContext.current();
    if (firing && firing.kind === kind && firing.subject === subject) return;
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ? where kind = ? and subject = ? and status = 'pending'`,
      [now, kind, subject],
    );
  }

  /** Cancels every pending timer of a subject but the one being fired. */
  async cancelAll(tx: Sql, subject: string, now: Date): Promise<void> {
    const firingId = firingContext.current()?.id ?? null;
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ?
       where subject = ? and status = 'pending' and id is distinct from ?::uuid`,
      [now, subject, firingId],
    );
  }

  private async insert(tx: Sql, specs: readonly TimerSpec[]): Promise<void> {
    const values: unknown[] = [];
    const rows = specs.map((s) => {
      values.push(newId(), s.kind, s.subject, s.dueAt, s.dueAt, JSON.stringify(s.payload ?? {}));
      return '(?, ?, ?, ?, ?, ?::jsonb)';
    });
    await tx.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at, payload) values ${rows.join(', ')} ${UPSERT_CONFLICT}`,
      values,
    );
  }
}
