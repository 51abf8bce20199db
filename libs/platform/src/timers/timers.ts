import { Injectable } from '@nestjs/common';
import { Deadline } from '@tradehub/kernel';
import { Sql } from '../database/sql';
import { firingContext } from './firing-context';
import { timerCancel, TimerSpec, timerUpsert } from './timer-sql';

export type { TimerSpec } from './timer-sql';

/**
 * Durable deadlines: rows written in the transaction of the change that creates them, so a
 * deadline exists exactly when its cause committed. The save path `plan`s the deadlines an
 * aggregate moved; a handler firing a timer may re-arm or cancel that very timer (firing-context).
 */
@Injectable()
export class Timers {
  /**
   * What the deadlines an aggregate moved do to one subject's timers: those to schedule (or move)
   * and the kinds to cancel. The save path writes both with the rest of the transaction's tail.
   */
  plan(
    subject: string,
    payload: Record<string, unknown>,
    moved: readonly Deadline[],
  ): { schedule: TimerSpec[]; cancel: string[] } {
    const firing = firingContext.current();
    const own = (kind: string): boolean => firing?.kind === kind && firing.subject === subject;
    const schedule: TimerSpec[] = [];
    const cancel: string[] = [];
    for (const { kind, dueAt } of moved) {
      if (dueAt === null) {
        // Cancelling the timer being fired is moot: it is marked fired as it fires.
        if (!own(kind)) cancel.push(kind);
      } else if (own(kind)) {
        // The handler re-arms the timer it fires: the sweeper adds it once this one is marked fired.
        firing!.reschedule = { kind, subject, dueAt, payload };
      } else schedule.push({ kind, subject, dueAt, payload });
    }
    return { schedule, cancel };
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
    const cancel = timerCancel([{ subject, kind, at: now }]);
    await tx.query(cancel.sql, cancel.params);
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
    const upsert = timerUpsert(specs);
    await tx.query(upsert.sql, upsert.params);
  }
}
