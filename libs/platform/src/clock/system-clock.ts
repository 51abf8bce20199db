import { Clock } from '@tradehub/kernel';

/** Production time. The only place that reads the system clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
