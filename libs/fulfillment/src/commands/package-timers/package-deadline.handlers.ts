import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { AuditLog, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import { type FulfillmentPolicy, ReviewTask } from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.settings';
import {
  CheckFirstScanCommand,
  CheckProofReviewCommand,
  CheckStallCommand,
} from './package-deadline.commands';
import { PackageTimers } from './package-timers';

/** FUL-3: picked up and still no tracking update: the package is flagged NO_FIRST_SCAN. */
@CommandHandler(CheckFirstScanCommand)
export class CheckFirstScanHandler implements ICommandHandler<CheckFirstScanCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ packageId }: CheckFirstScanCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const pkg = await this.packages.findById(tx, packageId, true);
      if (!pkg || !pkg.markNoFirstScan(this.clock.now(), this.policy)) return;
      await this.packages.update(tx, pkg);
    });
  }
}

/** FUL-4: silent in transit too long: into the abnormal-logistics pool, with a review task for operations. */
@CommandHandler(CheckStallCommand)
export class CheckStallHandler implements ICommandHandler<CheckStallCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly audit: AuditLog,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ packageId }: CheckStallCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const pkg = await this.packages.findById(tx, packageId, true);
      const now = this.clock.now();
      if (!pkg || !pkg.markStalled(now, this.policy)) return;
      await this.packages.update(tx, pkg);
      if (await this.tasks.hasOpen(tx, pkg.id, 'ABNORMAL_LOGISTICS')) return;
      const s = pkg.snapshot;
      const task = ReviewTask.openAbnormal(
        {
          orderId: s.orderId,
          packageId: s.id,
          storeId: s.storeId,
          carrierCode: s.carrierCode,
          trackingNumber: s.trackingNumber,
        },
        now,
      );
      await this.tasks.insert(tx, task);
      await this.audit.record(tx, {
        action: 'review-task.opened',
        subjectType: 'review-task',
        subjectId: task.snapshot.id,
        storeId: s.storeId,
        changes: { kind: 'ABNORMAL_LOGISTICS', packageId },
      });
    });
  }
}

/** FUL-5: a proof left unreviewed past its SLA raises PROOF_REVIEW_OVERDUE (once). */
@CommandHandler(CheckProofReviewCommand)
export class CheckProofReviewHandler implements ICommandHandler<CheckProofReviewCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    private readonly timers: PackageTimers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId }: CheckProofReviewCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const task = await this.tasks.findById(tx, taskId, true);
      const now = this.clock.now();
      if (!task || !task.markOverdue(now)) return;
      await this.tasks.update(tx, task);
      await this.timers.syncReview(tx, task, now);
    });
  }
}
