import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventDispatcher, TimerHandlers, Topics } from '@tradehub/platform';
import { ConfirmShipmentBatchController } from './commands/confirm-shipment-batch/confirm-shipment-batch.http.controller';
import { ConfirmShipmentController } from './commands/confirm-shipment/confirm-shipment.http.controller';
import { ConfirmShipmentHandler } from './commands/confirm-shipment/confirm-shipment.handler';
import { DecideReviewTaskController } from './commands/decide-review-task/decide-review-task.http.controller';
import { DecideReviewTaskHandler } from './commands/decide-review-task/decide-review-task.handler';
import {
  CheckFirstScanHandler,
  CheckProofReviewHandler,
  CheckStallHandler,
} from './commands/package-timers/package-deadline.handlers';
import { packageTimerHandlers } from './commands/package-timers/package-timer-handlers';
import { PackageTimers } from './commands/package-timers/package-timers';
import { logisticsTrackingConsumer } from './commands/record-tracking-event/logistics-tracking.consumer';
import { RecordTrackingEventController } from './commands/record-tracking-event/record-tracking-event.http.controller';
import { RecordTrackingEventHandler } from './commands/record-tracking-event/record-tracking-event.handler';
import { UploadProofController } from './commands/upload-proof/upload-proof.http.controller';
import { UploadProofHandler } from './commands/upload-proof/upload-proof.handler';
import { OrderShipmentRepository } from './database/order-shipment.repository';
import { PackageRepository } from './database/package.repository';
import { ReviewTaskRepository } from './database/review-task.repository';
import { TrackingEventRepository } from './database/tracking-event.repository';
import { UnmatchedScanRepository } from './database/unmatched-scan.repository';
import { TrackingApplier } from './commands/record-tracking-event/tracking-applier';
import { fulfillmentSettings } from './fulfillment.settings';
import { PackagesController } from './queries/packages/packages.http.controller';
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
    ...fulfillmentSettings,
    PackageRepository,
    ReviewTaskRepository,
    OrderShipmentRepository,
    TrackingEventRepository,
    UnmatchedScanRepository,
    TrackingApplier,
    PackageTimers,
    ConfirmShipmentHandler,
    RecordTrackingEventHandler,
    UploadProofHandler,
    DecideReviewTaskHandler,
    CheckFirstScanHandler,
    CheckStallHandler,
    CheckProofReviewHandler,
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
  ) {}

  onModuleInit(): void {
    packageTimerHandlers(this.commands).forEach((h) => this.timers.register(h));
    this.events.register(logisticsTrackingConsumer(this.topics.logistics, this.commands));
  }
}
