import { Inject, Injectable, Logger } from '@nestjs/common';
import { addMs, newId } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PlatformDatabase } from '../database/unit-of-work';
import { pgArray } from '../database/sql';
import { requestContext } from '../http/request-context';
import { SYSTEM_PRINCIPAL } from '../auth/principal';
import { DueTimer, TimerHandlers } from './timer-handler';
import { FiringTimer, firingContext } from './firing-context';
import { Timers } from './timers';

/** How long a claim keeps other replicas off a timer; a replica that dies mid-batch frees its timers after it. */
const CLAIM_LEASE_SECONDS = 60;

interface TimerRow {
  id: string;
  kind: string;
  subject: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Fires due timers, exactly once across replicas:
 * 1. a short transaction claims a batch (FOR UPDATE SKIP LOCKED, then a lease and a claim token);
 * 2. each timer then fires in a transaction of its own (up to TIMER_CONCURRENCY subjects at once,
 *    one subject's timers in due order), which runs the command and marks the
 *    timer fired only if the claim still holds (not cancelled or rescheduled by another writer
 *    meanwhile). If the claim was lost, the whole effect rolls back. The handler itself may cancel
 *    or re-arm the timer it fires (see firing-context).
 * The timer row is touched only after the command locked its aggregate, the same order every
 * other writer uses (aggregate, then timer), so firing never deadlocks with a user's change.
 */
@Injectable()
export class TimerSweeper {
  private readonly logger = new Logger(TimerSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platform: PlatformDatabase,
    private readonly handlers: TimerHandlers,
    private readonly timers: Timers,
  ) {}

  /** Fires every timer due at `now`; returns how many fired. */
  async fireDue(now: Date): Promise<number> {
    return requestContext.run({ requestId: 'timers', principal: SYSTEM_PRINCIPAL }, async () => {
      let fired = 0;
      for (;;) {
        const token = newId();
        const batch = await this.claim(now, token);
        // One subject's timers in due order; different subjects' side by side, each in its own
        // transaction as before (so the lock order that keeps firing free of deadlocks holds).
        await inParallel(bySubject(batch), this.config.timers.concurrency, async (rows) => {
          for (const row of rows) if (await this.fire(row, token, now)) fired += 1;
        });
        if (batch.length < this.config.timers.batchSize) return fired;
      }
    });
  }

  private claim(now: Date, token: string): Promise<TimerRow[]> {
    return this.platform
      .runIsolated((tx) =>
        tx.query<TimerRow>(
          `update platform.timers set claim_token = ?, claimed_until = clock_timestamp() + make_interval(secs => ?)
         where id in (
           select id from platform.timers
           where status = 'pending' and next_attempt_at <= ? and (claimed_until is null or claimed_until < clock_timestamp())
             and kind = any(?::text[])
           order by next_attempt_at, id limit ? for update skip locked)
         returning id, kind, subject, due_at, payload, attempts`,
          [token, CLAIM_LEASE_SECONDS, now, pgArray(this.handlers.kinds()), this.config.timers.batchSize],
        ),
      )
      .then((rows) => rows.sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime()));
  }

  private async fire(row: TimerRow, token: string, now: Date): Promise<boolean> {
    const timer: DueTimer = {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      dueAt: new Date(row.due_at),
      payload: row.payload,
    };
    const handler = this.handlers.get(row.kind);
    try {
      if (!handler) throw new Error(`no handler for timer kind '${row.kind}'`);
      const firing: FiringTimer = { id: row.id, kind: row.kind, subject: row.subject };
      return await (handler.database ?? this.platform).runIsolated(async (tx) => {
        await firingContext.run(firing, () => handler.fire(timer, tx));
        const marked = await tx.query(
          `update platform.timers set status = 'fired', fired_at = ?, attempts = attempts + 1, claimed_until = null
           where id = ? and claim_token = ? and status = 'pending' returning id`,
          [now, row.id, token],
        );
        if (marked.length === 0) throw new ClaimLost();
        if (firing.reschedule) await this.timers.schedule(tx, firing.reschedule);
        return true;
      });
    } catch (error) {
      if (error instanceof ClaimLost) return false;
      await this.recordFailure(row, token, now, error);
      return false;
    }
  }

  private async recordFailure(row: TimerRow, token: string, now: Date, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const failed = attempts >= this.config.timers.maxAttempts;
    this.logger.error(
      `timer ${row.kind} ${row.subject} failed (attempt ${attempts}${failed ? ', giving up' : ''}): ${String(error)}`,
    );
    await this.platform.runIsolated((tx) =>
      tx.query(
        `update platform.timers set attempts = ?, last_error = ?, next_attempt_at = ?, status = ?, claimed_until = null
         where id = ? and claim_token = ? and status = 'pending'`,
        [
          attempts,
          String(error).slice(0, 2000),
          addMs(now, 1000 * 2 ** Math.min(attempts, 12)),
          failed ? 'failed' : 'pending',
          row.id,
          token,
        ],
      ),
    );
  }
}

/** The batch's timers grouped by subject, each group in the batch's (due) order. */
function bySubject(batch: readonly TimerRow[]): TimerRow[][] {
  const groups = new Map<string, TimerRow[]>();
  for (const row of batch) groups.set(row.subject, [...(groups.get(row.subject) ?? []), row]);
  return [...groups.values()];
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The timer was cancelled or rescheduled while it fired: its effect is rolled back. */
class ClaimLost extends Error {}
