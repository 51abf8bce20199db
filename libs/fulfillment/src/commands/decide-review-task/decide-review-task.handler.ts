import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import {
  type FulfillmentPolicy,
  Package,
  PackageNotFound,
  ReviewTask,
  ReviewTaskNotFound,
} from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';
import { ReviewTaskResponse, toReviewTaskResponse } from '../../views/review-task.response';
import { DecideReviewTaskCommand } from './decide-review-task.command';
import { ReviewDecision } from './decide-review-task.dto';

/**
 * Operations decide, with who and why recorded on the task and in the audit log: an accepted
 * proof corrects the track (FUL-5); a closed abnormal case leaves the pool and restarts the stall
 * clock (FUL-4); a confirmed fake shipment is reported to Compliance (FUL-6 -> CMP-4) through the
 * task's events and ends the package's watch.
 */
@CommandHandler(DecideReviewTaskCommand)
export class DecideReviewTaskHandler implements ICommandHandler<DecideReviewTaskCommand, ReviewTaskResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    private readonly packages: PackageRepository,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, request, decidedBy, scope }: DecideReviewTaskCommand): Promise<ReviewTaskResponse> {
    return this.uow.run(async (tx) => {
      // API-2: an operator limited to some stores decides only their tasks.
      const task = scope.reveal(
        await this.tasks.findById(tx, taskId, true),
        (t) => t.storeId,
        () => new ReviewTaskNotFound(),
      );
      const pkg = await this.packages.findById(tx, task.packageId, true);
      if (!pkg) throw new PackageNotFound();
      const now = this.clock.now();
      // A retried decision finds its own outcome already recorded: answer it again, change nothing.
      if (task.status === OUTCOME[request.decision] && task.decidedBy === decidedBy)
        return toReviewTaskResponse(task, now);
      this.decide(task, pkg, request.decision, decidedBy, request.reason, now);
      return toReviewTaskResponse(task, now);
    });
  }

  private decide(
    task: ReviewTask,
    pkg: Package,
    decision: ReviewDecision,
    by: string,
    reason: string,
    now: Date,
  ): void {
    switch (decision) {
      case 'ACCEPT':
        task.accept(by, reason, now);
        pkg.correctTracking(now, this.policy);
        return;
      case 'REJECT':
        task.reject(by, reason, now);
        return;
      case 'CONFIRM_FAKE_SHIPMENT':
        task.confirmFakeShipment(by, reason, now);
        pkg.markFakeShipment(now);
        return;
      case 'CLOSE':
        task.close(by, reason, now);
        pkg.leaveAbnormalPool(now, this.policy);
        return;
    }
  }
}

const OUTCOME: Record<ReviewDecision, string> = {
  ACCEPT: 'ACCEPTED',
  REJECT: 'REJECTED',
  CONFIRM_FAKE_SHIPMENT: 'FAKE_SHIPMENT_CONFIRMED',
  CLOSE: 'CLOSED',
};
