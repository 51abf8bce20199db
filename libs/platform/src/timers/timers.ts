import { Injectable } from '@nestjs/common';
import { newId } from '@tradehub/kernel';
import { Sql } from '../database/sql';
import { firingContext } from './firing-context';

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
    const firing = firingContext.current();
    if (firing && firing.kind === spec.kind && firing.subject === spec.subject) {
      // The handler re-arms the timer it is firing: the sweeper adds it once this one is marked fired.
      firing.reschedule = spec;
      return;
    }
    await tx.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at, payload)
       values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (kind, subject) where status = 'pending'
       do update set due_at = excluded.due_at, next_attempt_at = excluded.next_attempt_at, payload = excluded.payload, attempts = 0,
         claim_token = null, claimed_until = null`,
      [newId(), spec.kind, spec.subject, spec.dueAt, spec.dueAt, JSON.stringify(spec.payload ?? {})],
    );
  }

  async cancel(tx: Sql, kind: string, subject: string, now: Date): Promise<void> {
    const firing = firingContext.current();
    // Cancelling the timer being fired is moot: it is marked fired with this transaction.
    if (firing && firing.kind === kind && firing.subject === subject) return;
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ? where kind = ? and subject = ? and status = 'pending'`,
      [now, kind, subject],
    );
  }

  /** Cancels every pending timer of a subject, e.g. when an order is cancelled. */
  async cancelAll(tx: Sql, subject: string, now: Date): Promise<void> {
    const firingId = firingContext.current()?.id ?? null;
    await tx.query(
      `update platform.timers set status = 'cancelled', cancelled_at = ?
       where subject = ? and status = 'pending' and id is distinct from ?::uuid`,
      [now, subject, firingId],
    );
  }
}
