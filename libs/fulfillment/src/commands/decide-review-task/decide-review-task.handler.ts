import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { AuditLog, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import { Package, packageNotFound, ReviewTask, reviewTaskNotFound } from '../../domain';
import { PackageTimers } from '../package-timers/package-timers';
import { ReviewTaskResponse, toReviewTaskResponse } from '../../views/review-task.response';
import { DecideReviewTaskCommand } from './decide-review-task.command';
import { ReviewDecision } from './decide-review-task.dto';

/**
 * Operations decide, with who and why recorded on the task and in the audit log: an accepted
 * proof corrects the track (FUL-5); a closed abnormal case leaves the pool (FUL-4); a confirmed
 * fake shipment is reported to Compliance (FUL-6 -> CMP-4) through the task's events.
 */
@CommandHandler(DecideReviewTaskCommand)
export class DecideReviewTaskHandler implements ICommandHandler<DecideReviewTaskCommand, ReviewTaskResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    private readonly packages: PackageRepository,
    private readonly timers: PackageTimers,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, request, decidedBy, scope }: DecideReviewTaskCommand): Promise<ReviewTaskResponse> {
    return this.uow.run(async (tx) => {
      // API-2: an operator limited to some stores decides only their tasks.
      const task = scope.reveal(
        await this.tasks.findById(tx, taskId, true),
        (t) => t.snapshot.storeId,
        reviewTaskNotFound,
      );
      const pkg = await this.packages.findById(tx, task.snapshot.packageId, true);
      if (!pkg) throw packageNotFound();
      const now = this.clock.now();
      const s = task.snapshot;
      // A retried decision finds its own outcome already recorded: answer it again, change nothing.
      if (s.status === OUTCOME[request.decision] && s.decidedBy === decidedBy)
        return toReviewTaskResponse(task, now);
      decide(task, pkg, request.decision, decidedBy, request.reason, now);
      await this.tasks.update(tx, task);
      await this.packages.update(tx, pkg);
      await this.timers.sync(tx, pkg, now);
      await this.timers.syncReview(tx, task, now);
      await this.audit.record(tx, {
        action: 'review-task.decided',
        subjectType: 'review-task',
        subjectId: taskId,
        storeId: task.snapshot.storeId,
        changes: {
          decision: request.decision,
          status: task.snapshot.status,
          reason: request.reason,
          packageId: pkg.id,
        },
      });
      return toReviewTaskResponse(task, now);
    });
  }
}

const OUTCOME: Record<ReviewDecision, string> = {
  ACCEPT: 'ACCEPTED',
  REJECT: 'REJECTED',
  CONFIRM_FAKE_SHIPMENT: 'FAKE_SHIPMENT_CONFIRMED',
  CLOSE: 'CLOSED',
};

function decide(
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
      pkg.correctTracking(now);
      return;
    case 'REJECT':
      task.reject(by, reason, now);
      return;
    case 'CONFIRM_FAKE_SHIPMENT':
      task.confirmFakeShipment(by, reason, now);
      if (task.snapshot.kind === 'ABNORMAL_LOGISTICS') pkg.leaveAbnormalPool(now);
      return;
    case 'CLOSE':
      task.close(by, reason, now);
      pkg.leaveAbnormalPool(now);
      return;
  }
}
