import { AsyncLocalStorage } from 'node:async_hooks';
import type { TimerSpec } from './timer-sql';

/** The timer a transaction is firing. Its row stays claimed until the effect commits with it. */
export interface FiringTimer {
  id: string;
  kind: string;
  subject: string;
  /** Set when the handler schedules its own kind and subject again: a new timer after this one. */
  reschedule?: TimerSpec;
  /** Set once the sweeper took the reschedule, before COMMIT: work after it is no longer the firing. */
  settled?: boolean;
}

const storage = new AsyncLocalStorage<FiringTimer>();

export const firingContext = {
  run<T>(timer: FiringTimer, fn: () => Promise<T>): Promise<T> {
    return storage.run(timer, fn);
  },
  current(): FiringTimer | undefined {
    const timer = storage.getStore();
    return timer?.settled ? undefined : timer;
  },
};
