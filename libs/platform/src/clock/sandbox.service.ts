import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConflictError, RuleViolation } from '@tradehub/kernel';
import { PlatformDatabase } from '../database/unit-of-work';
import { TimerSweeper } from '../timers/timer-sweeper';
import { SandboxClock } from './sandbox-clock';

/** About 30 s of waiting for another replica's claimed timers (claims lease for 60 s). */
const MAX_IDLE_STEPS = 1500;

export interface AdvanceResult {
  from: Date;
  now: Date;
  firedTimers: number;
}

/**
 * Advances simulated time like Stripe's test clocks: steps to each pending timer's due instant
 * in order, fires what is due there, and ends at the target.
 */
@Injectable()
export class SandboxService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly uow: PlatformDatabase,
    private readonly sweeper: TimerSweeper,
  ) {}

  private get sandbox(): SandboxClock {
    if (!(this.clock instanceof SandboxClock)) throw new Error('sandbox mode is off');
    return this.clock;
  }

  async now(): Promise<Date> {
    return this.sandbox.refresh(this.uow.reader());
  }

  advanceTo(target: Date): Promise<AdvanceResult> {
    // One advance at a time in this process: two overlapping walks would interleave timers out of order.
    const run = this.queue.then(() => this.walk(target));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async walk(target: Date): Promise<AdvanceResult> {
    const reader = this.uow.reader();
    const from = await this.sandbox.refresh(reader);
    if (target.getTime() < from.getTime()) {
      throw new RuleViolation(
        'CLOCK_CANNOT_GO_BACK',
        `the sandbox clock is at ${from.toISOString()} and only moves forward`,
        'to',
      );
    }
    let firedTimers = 0;
    let idleSteps = 0;
    for (;;) {
      const [next] = await reader.query<{ at: Date | null }>(
        `select min(next_attempt_at) as at from platform.timers where status = 'pending' and next_attempt_at <= ?`,
        [target],
      );
      if (!next.at) break;
      const stepTo = new Date(Math.max(new Date(next.at).getTime(), this.sandbox.now().getTime()));
      await this.sandbox.moveTo(reader, stepTo);
      const fired = await this.sweeper.fireDue(this.sandbox.now());
      firedTimers += fired;
      if (fired === 0) {
        // Another replica holds these timers (claimed) or they failed and were put back; give it a moment.
        if (stepTo.getTime() >= target.getTime()) break;
        idleSteps += 1;
        if (idleSteps > MAX_IDLE_STEPS) {
          throw new ConflictError(
            'SANDBOX_TIMERS_BUSY',
            'timers due before the target stay claimed by another replica; retry the advance',
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      } else {
        idleSteps = 0;
      }
    }
    const now = await this.sandbox.moveTo(reader, target);
    await this.uow.run(async (tx) =>
      tx.audit({
        action: 'sandbox-clock.advanced',
        subjectType: 'sandbox-clock',
        subjectId: 'sandbox',
        changes: {
          now: { from: from.toISOString(), to: now.toISOString() },
          firedTimers: { from: null, to: firedTimers },
        },
      }),
    );
    return { from, now, firedTimers };
  }
}
