import { Logger } from '@nestjs/common';
import type { Clock } from '@tradehub/kernel';
import { TimerSweeper } from './timer-sweeper';

/** The wait before a second look at a due timer the last sweep could not claim (a writer held its row). */
const RETRY_HELD_MS = 20;

/** What a sweep loop needs: the sweeper, the clock it fires at, and how it refreshes that clock. */
export interface TimerLoopOptions {
  sweeper: TimerSweeper;
  clock: Clock;
  /** The longest wait between sweeps: timers written meanwhile with a sooner due instant wait at most this. */
  pollMs: number;
  /**
   * Whether the clock runs in real time: then the loop also wakes at the next timer's due instant, so
   * a timer fires when it falls due, not up to a poll later. A sandbox clock stands still between
   * advances (an advance fires what fell due itself), so there it only polls.
   */
  realTime: boolean;
  /** Runs before each sweep (the sandbox reads the stored instant). */
  beforeSweep?: () => Promise<void>;
}

/**
 * The worker's timer sweep: one sweep at a time, then a wait until the next timer falls due or the
 * poll interval passes, whichever is sooner. Several replicas may wake at the same instant; their
 * claims (SKIP LOCKED) share the due timers between them.
 */
export class TimerLoop {
  private readonly logger = new Logger(TimerLoop.name);
  private wake: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private stopping = new AbortController();

  constructor(private readonly options: TimerLoopOptions) {}

  start(): void {
    this.stopped = false;
    this.stopping = new AbortController();
    this.schedule(this.options.pollMs);
  }

  /** No sweep starts after this, and the running one claims no further batch; resolves once it returned. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearTimeout(this.wake);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.wake = setTimeout(() => {
      this.running = this.sweep().then((next) => this.schedule(next));
    }, delayMs);
  }

  /** One sweep; returns how long to wait before the next. */
  private async sweep(): Promise<number> {
    const { sweeper, clock, pollMs, realTime, beforeSweep } = this.options;
    try {
      await beforeSweep?.();
      const fired = await sweeper.fireDue(clock.now(), this.stopping.signal);
      if (!realTime || this.stopped) return pollMs;
      const due = await sweeper.nextDue();
      if (!due) return pollMs;
      // A due timer this sweep could not claim is held by a writer for a moment: no busy loop for it.
      const soonest = fired > 0 ? 0 : RETRY_HELD_MS;
      // +1: a wake-up a millisecond early (the wall clock and the timer's own differ) would claim nothing.
      return Math.min(pollMs, Math.max(soonest, due.getTime() - clock.now().getTime() + 1));
    } catch (error) {
      this.logger.error(`timer sweep failed: ${String(error)}`);
      return pollMs;
    }
  }
}
