import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, RuleViolation } from '@tradehub/kernel';
import { AuditLog, FILE_STORAGE, type FileStorage, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import {
  type FulfillmentPolicy,
  inspectPdf,
  packageNotFound,
  proofReviewPending,
  ReviewTask,
} from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.settings';
import { PackageTimers } from '../package-timers/package-timers';
import { ReviewTaskResponse, toReviewTaskResponse } from '../../views/review-task.response';
import { UploadProofCommand } from './upload-proof.command';

/**
 * FUL-5: a real PDF within the size limit is stored by content and joins the operations review
 * queue with its 2-hour SLA timer. One open proof per package.
 */
@CommandHandler(UploadProofCommand)
export class UploadProofHandler implements ICommandHandler<UploadProofCommand, ReviewTaskResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly timers: PackageTimers,
    private readonly audit: AuditLog,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ packageId, file, scope, submittedBy }: UploadProofCommand): Promise<ReviewTaskResponse> {
    return this.uow.run(async (tx) => {
      const pkg = scope.reveal(
        await this.packages.findById(tx, packageId, true),
        (p) => p.snapshot.storeId,
        packageNotFound,
      );
      if (pkg.snapshot.deliveredAt)
        throw new RuleViolation(
          'PACKAGE_ALREADY_DELIVERED',
          'a delivered package needs no track correction',
          'packageId',
        );
      const { sizeBytes } = inspectPdf(file.bytes, this.policy.maxProofBytes, 'file');
      // Content-addressed: storing before the commit is safe, a rolled-back upload only leaves an unreferenced file.
      const sha256 = await this.storage.put(file.bytes);
      const open = await this.tasks.findOpen(tx, pkg.id, 'LOGISTICS_PROOF');
      // The same PDF again is a retry of the same upload; another PDF waits for the open review.
      if (open?.snapshot.proof?.sha256 === sha256) return toReviewTaskResponse(open, this.clock.now());
      if (open) throw proofReviewPending();
      const s = pkg.snapshot;
      const now = this.clock.now();
      const task = ReviewTask.openProof(
        {
          orderId: s.orderId,
          packageId: s.id,
          storeId: s.storeId,
          carrierCode: s.carrierCode,
          trackingNumber: s.trackingNumber,
          proof: { sha256, sizeBytes, fileName: file.fileName },
          submittedBy,
        },
        now,
        this.policy,
      );
      await this.tasks.insert(tx, task);
      await this.timers.syncReview(tx, task, now);
      await this.audit.record(tx, {
        action: 'review-task.proof-uploaded',
        subjectType: 'review-task',
        subjectId: task.snapshot.id,
        storeId: s.storeId,
        changes: { packageId, sha256, sizeBytes },
      });
      return toReviewTaskResponse(task, now);
    });
  }
}
