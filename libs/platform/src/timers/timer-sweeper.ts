import { Inject, Injectable, Logger } from '@nestjs/common';
import { addMs, newId } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFERRED } from '../database/pipelining-client';
import { PlatformDatabase, Tx } from '../database/unit-of-work';
import { requestContext } from '../http/request-context';
import { SYSTEM_PRINCIPAL } from '../auth/principal';
import { DueTimer, TimerHandlers } from './timer-handler';
import { FiringTimer, firingContext } from './firing-context';
import { markAndClaim, markFiredAtCommit, markOne, nextDue, TimerRow, Unmarked } from './timer-sweep-sql';
import { timerUpsert } from './timer-sql';

/** A claimed batch, in due order, and the token that proves the claim. */
interface Batch {
  token: string;
  rows: TimerRow[];
}

/** One step of the sweep: the batch it claimed (none when it claimed nothing) and how many timers it marked. */
interface Step {
  batch: Batch | null;
  marked: number;
}

/** What firing one timer came to: marked with its effect, left for a mark with others, or not fired. */
type Outcome = 'fired' | 'nothing-written' | 'not-fired';

/** A fired batch's timers still to mark, and their subjects: the next batch's timers of these wait for the mark. */
interface Left extends Unmarked {
  subjects: ReadonlySet<string>;
}

const NONE: Left = { token: '', ids: [], subjects: new Set() };

/**
 * Fires due timers, exactly once across replicas:
 * 1. a statement claims a batch (FOR UPDATE SKIP LOCKED, then a lease and a claim token);
 * 2. each timer then fires in a transaction of its own (up to TIMER_CONCURRENCY subjects at once,
 *    one subject's timers in due order), which runs the command. If the command wrote anything, the
 *    timer is marked fired in its COMMIT, only if the claim still holds (not cancelled or rescheduled
 *    by another writer meanwhile); if the claim was lost, the whole effect rolls back. The handler
 *    itself may cancel or re-arm the timer it fires (see firing-context).
 * 3. a command that wrote nothing (the usual case: the deadline was met) has nothing to commit: its
 *    transaction rolls back, and its timer is marked fired with the batch's others, under the same
 *    claim, by the statement that claims the batch after next. That statement runs while the next
 *    batch fires, so PostgreSQL and node work side by side, at one commit per batch.
 * The timer row is touched only after the command locked its aggregate, the same order every
 * other writer uses (aggregate, then timer), so firing never deadlocks with a user's change; the
 * batch's mark holds no aggregate and waits for no row (timer-sweep-sql).
 */
@Injectable()
export class TimerSweeper {
  private readonly logger = new Logger(TimerSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platform: PlatformDatabase,
    private readonly handlers: TimerHandlers,
  ) {}

  /**
   * Fires every timer due at `now` and marks it; returns how many fired. Once `stop` is aborted it
   * claims no further batch (the batch in hand still fires and is marked).
   */
  async fireDue(now: Date, stop?: AbortSignal): Promise<number> {
    return requestContext.run({ requestId: 'timers', principal: SYSTEM_PRINCIPAL }, async () => {
      let fired = 0;
      let unmarked = NONE;
      let step = this.step(now, NONE, true);
      for (;;) {
        const { batch, marked } = await step;
        fired += marked;
        if (!batch) {
          if (unmarked.ids.length === 0) return fired;
          step = this.step(now, unmarked, false);
          unmarked = NONE;
          continue;
        }
        // Marks the batch before this one and claims the one after, while this one fires.
        const more = batch.rows.length === this.config.timers.batchSize && !stop?.aborted;
        const previous = unmarked;
        step = prefetched(this.step(now, previous, more));
        const result = await this.fireBatch(batch, now, previous, step);
        fired += result.fired;
        unmarked = result.unmarked;
      }
    });
  }

  /** When the next timer this process fires falls due (null: none pending), for the sweep's next wake-up. */
  nextDue(): Promise<Date | null> {
    return nextDue(this.platform.direct, this.handlers.kinds());
  }

  /**
   * Marks timers whose firing wrote nothing and claims a batch, in one statement. Its commit does not
   * wait for the WAL flush: were it lost in a crash, the claim would just not have happened (a timer
   * whose firing wrote anything commits durably, after this commit and so with it) and the marked
   * timers would fire again, to the same no effect.
   */
  private async step(now: Date, unmarked: Unmarked, claim: boolean): Promise<Step> {
    const token = newId();
    const request = claim
      ? { token, kinds: this.handlers.kinds(), limit: this.config.timers.batchSize }
      : null;
    if (!request && unmarked.ids.length === 0) return { batch: null, marked: 0 };
    const { claimed, marked, skipped } = await this.platform.runIsolated(async (tx) => {
      await tx.query(`${DEFERRED}set local synchronous_commit = off`);
      return markAndClaim(tx, now, unmarked, request);
    });
    let held = marked;
    for (const id of skipped) held += await markOne(this.platform.direct, id, unmarked.token, now);
    return { batch: request ? { token, rows: claimed } : null, marked: held };
  }

  /**
   * Fires a batch, one subject's timers in due order. A subject whose earlier timer is still
   * unmarked (the batch before, or earlier in this one) waits for that mark before its next fires,
   * as if they fired one by one. Returns what fired with its effect, and what is left to mark.
   */
  private async fireBatch(
    { token, rows }: Batch,
    now: Date,
    previous: Left,
    marking: Promise<Step>,
  ): Promise<{ fired: number; unmarked: Left }> {
    let fired = 0;
    const unmarked: string[] = [];
    const subjects = new Set<string>();
    await inParallel(bySubject(rows), this.config.timers.concurrency, async (timers) => {
      if (previous.subjects.has(timers[0].subject)) await marking;
      const own: string[] = [];
      for (const row of timers) {
        if (own.length > 0) fired += (await this.step(now, { token, ids: own.splice(0) }, false)).marked;
        const outcome = await this.fire(row, token, now);
        if (outcome === 'fired') fired += 1;
        else if (outcome === 'nothing-written') own.push(row.id);
      }
      unmarked.push(...own);
      if (own.length > 0) subjects.add(timers[0].subject);
    });
    return { fired, unmarked: { token, ids: unmarked, subjects } };
  }

  private async fire(row: TimerRow, token: string, now: Date): Promise<Outcome> {
    const timer: DueTimer = {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      dueAt: new Date(row.due_at),
      payload: row.payload,
    };
    const handler = this.handlers.get(row.kind);
    const firing: FiringTimer = { id: row.id, kind: row.kind, subject: row.subject };
    try {
      if (!handler) throw new Error(`no handler for timer kind '${row.kind}'`);
      // The whole transaction is the firing, up to the save path's pass: a deadline the command
      // moves for this very timer is its reschedule (Timers.plan), not a second pending timer.
      return await firingContext.run(firing, () =>
        (handler.database ?? this.platform).runIsolated(async (tx) => {
          tx.beforeCommit(() => this.settle(tx, firing, token, now));
          await handler.fire(timer, tx);
          return 'fired' as const;
        }),
      );
    } catch (error) {
      if (error === NOTHING_WRITTEN) return 'nothing-written';
      await this.recordFailure(row, token, now, error);
      return 'not-fired';
    }
  }

  /** Before the firing transaction commits: "fired" rides with its effect, or it has none and rolls back. */
  private async settle(tx: Tx, firing: FiringTimer, token: string, now: Date): Promise<void> {
    firing.settled = true;
    if (!tx.wrote && !firing.reschedule) throw NOTHING_WRITTEN;
    await markFiredAtCommit(tx, firing, token, now);
    if (firing.reschedule) {
      const upsert = timerUpsert([firing.reschedule]);
      await tx.query(`${DEFERRED}${upsert.sql}`, upsert.params);
    }
  }

  private async recordFailure(row: TimerRow, token: string, now: Date, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const failed = attempts >= this.config.timers.maxAttempts;
    const [held] = await this.platform.direct.query(
      `update platform.timers set attempts = ?, last_error = ?, next_attempt_at = ?, status = ?, claimed_until = null
       where id = ? and claim_token = ? and status = 'pending' returning id`,
      [
        attempts,
        String(error).slice(0, 2000),
        addMs(now, 1000 * 2 ** Math.min(attempts, 12)),
        failed ? 'failed' : 'pending',
        row.id,
        token,
      ],
    );
    // Not held: cancelled or moved by another writer while it fired, which rolled its effect back.
    if (held)
      this.logger.error(
        `timer ${row.kind} ${row.subject} failed (attempt ${attempts}${failed ? ', giving up' : ''}): ${String(error)}`,
      );
  }
}

/** The batch's timers grouped by subject, each group in the batch's (due) order. */
function bySubject(batch: readonly TimerRow[]): TimerRow[][] {
  const groups = new Map<string, TimerRow[]>();
  for (const row of batch) {
    const group = groups.get(row.subject);
    if (group) group.push(row);
    else groups.set(row.subject, [row]);
  }
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

/** A step started ahead: awaited later, and not an unhandled rejection if firing stops first. */
function prefetched<T>(step: Promise<T>): Promise<T> {
  step.catch(() => undefined);
  return step;
}

/**
 * Thrown before COMMIT by a firing transaction that wrote nothing: it rolls back (nothing to keep,
 * and no commit to wait for) and its timer is marked with others. One instance: no stack to capture.
 */
const NOTHING_WRITTEN = new Error('the timer’s command wrote nothing');
