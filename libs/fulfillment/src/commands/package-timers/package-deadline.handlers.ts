import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import { type FulfillmentPolicy, ReviewTask } from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';
import { ShipmentConfirmation } from '../confirm-shipment/shipment-confirmation';
import {
  CheckFirstScanCommand,
  CheckProofReviewCommand,
  CheckStallCommand,
  FinishShipmentConfirmationCommand,
} from './package-deadline.commands';

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
      pkg?.markNoFirstScan(this.clock.now(), this.policy);
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
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ packageId }: CheckStallCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const pkg = await this.packages.findById(tx, packageId, true);
      const now = this.clock.now();
      if (!pkg || !pkg.markStalled(now, this.policy)) return;
      if (await this.tasks.findOpen(tx, pkg.id, 'ABNORMAL_LOGISTICS')) return;
      const subject = {
        orderId: pkg.orderId,
        packageId: pkg.id,
        storeId: pkg.storeId,
        carrierCode: pkg.carrierCode,
        trackingNumber: pkg.trackingNumber,
      };
      tx.save(ReviewTask.openAbnormal(subject, now));
    });
  }
}

/** FUL-5: a proof left unreviewed past its SLA raises PROOF_REVIEW_OVERDUE (once). */
@CommandHandler(CheckProofReviewCommand)
export class CheckProofReviewHandler implements ICommandHandler<CheckProofReviewCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId }: CheckProofReviewCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const task = await this.tasks.findById(tx, taskId, true);
      task?.markOverdue(this.clock.now());
    });
  }
}

/**
 * FUL-2: finishes a confirmation its process left half-way. A refusal by Orders is an answer (the
 * pending package is removed); Orders being unreachable fails the timer, which retries with backoff.
 */
@CommandHandler(FinishShipmentConfirmationCommand)
export class FinishShipmentConfirmationHandler implements ICommandHandler<FinishShipmentConfirmationCommand> {
  constructor(private readonly confirmation: ShipmentConfirmation) {}

  async execute({ packageId }: FinishShipmentConfirmationCommand): Promise<void> {
    try {
      await this.confirmation.complete(packageId, null);
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'conflict') return;
      throw error;
    }
  }
}
