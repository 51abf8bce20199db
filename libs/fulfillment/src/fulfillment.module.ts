import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextDatabase, EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';
import { ConfirmShipmentBatchController } from './commands/confirm-shipment-batch/confirm-shipment-batch.http.controller';
import { ConfirmShipmentController } from './commands/confirm-shipment/confirm-shipment.http.controller';
import { ConfirmShipmentHandler } from './commands/confirm-shipment/confirm-shipment.handler';
import { PreviewShipmentHandler } from './commands/confirm-shipment/preview-shipment.handler';
import { ShipmentConfirmation } from './commands/confirm-shipment/shipment-confirmation';
import { DecideReviewTaskController } from './commands/decide-review-task/decide-review-task.http.controller';
import { DecideReviewTaskHandler } from './commands/decide-review-task/decide-review-task.handler';
import {
  CheckFirstScanHandler,
  CheckProofReviewHandler,
  CheckStallHandler,
  FinishShipmentConfirmationHandler,
} from './commands/package-timers/package-deadline.handlers';
import { packageTimerHandlers } from './commands/package-timers/package-timer-handlers';
import { logisticsTrackingConsumer } from './commands/record-tracking-event/logistics-tracking.consumer';
import { RecordTrackingEventController } from './commands/record-tracking-event/record-tracking-event.http.controller';
import { RecordTrackingEventHandler } from './commands/record-tracking-event/record-tracking-event.handler';
import { TrackingApplier } from './commands/record-tracking-event/tracking-applier';
import { UploadProofController } from './commands/upload-proof/upload-proof.http.controller';
import { UploadProofHandler } from './commands/upload-proof/upload-proof.handler';
import { fulfillmentEntities } from './database';
import { ClosedSellerRepository } from './database/closed-sellers.repository';
import { OrderFulfillmentRepository } from './database/order-fulfillment.repository';
import { PackageRepository } from './database/package.repository';
import { ReviewTaskRepository } from './database/review-task.repository';
import { TrackingEventRepository } from './database/tracking-event.repository';
import { UnmatchedScanRepository } from './database/unmatched-scan.repository';
import { fulfillmentConfig, LOGISTICS_TOPIC } from './fulfillment.config';
import { PackagesController } from './queries/packages/packages.http.controller';
import { sellerAccountReaction } from './reactions/seller-account.reaction';
import { GetPackageHandler, OrderPackagesHandler } from './queries/packages/packages.queries';
import { ReviewQueueController } from './queries/review-queue/review-queue.http.controller';
import {
  GetProofFileHandler,
  GetReviewTaskHandler,
  ReviewQueueHandler,
} from './queries/review-queue/review-queue.handlers';

/** Fulfillment: packages, tracking, the abnormal-logistics pool and logistics reviews (FUL-*). */
@Module({
  controllers: [
    ConfirmShipmentController,
    ConfirmShipmentBatchController,
    RecordTrackingEventController,
    UploadProofController,
    DecideReviewTaskController,
    ReviewQueueController,
    PackagesController,
  ],
  providers: [
    ...contextDatabase('fulfillment', fulfillmentEntities),
    ...fulfillmentConfig,
    PackageRepository,
    ReviewTaskRepository,
    OrderFulfillmentRepository,
    TrackingEventRepository,
    UnmatchedScanRepository,
    ClosedSellerRepository,
    TrackingApplier,
    ShipmentConfirmation,
    ConfirmShipmentHandler,
    PreviewShipmentHandler,
    RecordTrackingEventHandler,
    UploadProofHandler,
    DecideReviewTaskHandler,
    CheckFirstScanHandler,
    CheckStallHandler,
    CheckProofReviewHandler,
    FinishShipmentConfirmationHandler,
    ReviewQueueHandler,
    GetReviewTaskHandler,
    GetProofFileHandler,
    OrderPackagesHandler,
    GetPackageHandler,
  ],
})
export class FulfillmentModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly database: UnitOfWork,
    private readonly closedSellers: ClosedSellerRepository,
    @Inject(LOGISTICS_TOPIC) private readonly logisticsTopic: string,
  ) {}

  onModuleInit(): void {
    packageTimerHandlers(this.commands, this.database).forEach((h) => this.timers.register(h));
    this.events.register(logisticsTrackingConsumer(this.logisticsTopic, this.commands, this.database));
    this.events.register(
      sellerAccountReaction(this.topics.forContext('compliance'), this.database, this.closedSellers),
    );
  }
}
