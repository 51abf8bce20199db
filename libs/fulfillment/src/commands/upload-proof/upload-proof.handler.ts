import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { FILE_STORAGE, type FileStorage, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import {
  type FulfillmentPolicy,
  inspectPdf,
  PackageAlreadyDelivered,
  PackageNotFound,
  ProofReviewPending,
  ReviewTask,
} from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';
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
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ packageId, file, scope, submittedBy }: UploadProofCommand): Promise<ReviewTaskResponse> {
    return this.uow.run(async (tx) => {
      const pkg = scope.reveal(
        await this.packages.findById(tx, packageId, true),
        (p) => (p.confirmation === 'CONFIRMED' ? p.storeId : ''),
        () => new PackageNotFound(),
      );
      if (pkg.deliveredAt) throw new PackageAlreadyDelivered('packageId');
      const { sizeBytes } = inspectPdf(file.bytes, this.policy.maxProofBytes, 'file');
      // Content-addressed: storing before the commit is safe, a rolled-back upload only leaves an unreferenced file.
      const sha256 = await this.storage.put(file.bytes);
      const open = await this.tasks.findOpen(tx, pkg.id, 'LOGISTICS_PROOF');
      const now = this.clock.now();
      // The same PDF again is a retry of the same upload; another PDF waits for the open review.
      if (open?.proof?.sha256 === sha256) return toReviewTaskResponse(open, now);
      if (open) throw new ProofReviewPending();
      const task = ReviewTask.openProof(
        {
          orderId: pkg.orderId,
          packageId: pkg.id,
          storeId: pkg.storeId,
          carrierCode: pkg.carrierCode,
          trackingNumber: pkg.trackingNumber,
          proof: { sha256, sizeBytes, fileName: file.fileName },
          submittedBy,
        },
        now,
        this.policy,
      );
      tx.save(task);
      return toReviewTaskResponse(task, now);
    });
  }
}
