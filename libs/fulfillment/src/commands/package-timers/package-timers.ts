import { Inject, Injectable } from '@nestjs/common';
import { Sql, Timers } from '@tradehub/platform';
import { type FulfillmentPolicy, Package, ReviewTask } from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.settings';

export const FIRST_SCAN_TIMER = 'fulfillment.first-scan';
export const STALL_TIMER = 'fulfillment.stall';
export const PROOF_REVIEW_TIMER = 'fulfillment.proof-review-sla';

export const packageSubject = (packageId: string): string => `package:${packageId}`;
export const taskSubject = (taskId: string): string => `review-task:${taskId}`;

/**
 * Keeps a package's durable timers in step with its state after every change: the FUL-3
 * first-scan check and the FUL-4 stall check are (re)scheduled or cancelled in the same transaction.
 */
@Injectable()
export class PackageTimers {
  constructor(
    private readonly timers: Timers,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
  ) {}

  async sync(tx: Sql, pkg: Package, now: Date): Promise<void> {
    const subject = packageSubject(pkg.id);
    const payload = { packageId: pkg.id };
    const firstScanAt = pkg.firstScanCheckAt(this.policy);
    if (firstScanAt)
      await this.timers.schedule(tx, { kind: FIRST_SCAN_TIMER, subject, dueAt: firstScanAt, payload });
    else await this.timers.cancel(tx, FIRST_SCAN_TIMER, subject, now);
    const stallAt = pkg.stallCheckAt(this.policy);
    if (stallAt) await this.timers.schedule(tx, { kind: STALL_TIMER, subject, dueAt: stallAt, payload });
    else await this.timers.cancel(tx, STALL_TIMER, subject, now);
  }

  /** FUL-5: the proof review SLA clock, and its release once the task is decided. */
  async syncReview(tx: Sql, task: ReviewTask, now: Date): Promise<void> {
    const s = task.snapshot;
    const subject = taskSubject(s.id);
    if (s.status === 'OPEN' && s.slaDueAt && !s.overdueAt) {
      await this.timers.schedule(tx, {
        kind: PROOF_REVIEW_TIMER,
        subject,
        dueAt: s.slaDueAt,
        payload: { taskId: s.id },
      });
    } else {
      await this.timers.cancel(tx, PROOF_REVIEW_TIMER, subject, now);
    }
  }
}
