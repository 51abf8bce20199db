import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextDatabase, EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';
import { requestTimerHandlers } from './commands/deadlines/request-timer-handlers';
import { RequestDeadlineHandler } from './commands/deadlines/request-deadline.handler';
import { UploadEvidenceHandler } from './commands/evidence/upload-evidence';
import { OpenRequestHandler } from './commands/open-request/open-request.handler';
import { PostAgreedRefundHandler } from './commands/post-refund/post-agreed-refund.handler';
import {
  AnswerOfferHandler,
  AnswerRequestHandler,
  ArbitrateHandler,
  EscalateRequestHandler,
  InspectReturnHandler,
} from './commands/request-actions/request-actions.handlers';
import { ShipReturnHandler } from './commands/return-tracking/ship-return.handler';
import { ReturnScanRepository } from './database/return-scan.repository';
import { RequestSteps } from './commands/request-steps/request-steps';
import { RecordReturnScanHandler } from './commands/return-tracking/record-return-scan';
import { DisputeRateCounter } from './commands/risk/dispute-rate.counter';
import { DisputeRiskScorer } from './commands/risk/dispute-risk.scorer';
import { RecordRiskSignalHandler, ScoreNewOrderHandler } from './commands/risk/risk-signals';
import { disputesEntities } from './database';
import { DisputeRateRepository } from './database/dispute-rate.repository';
import { EvidenceRepository } from './database/evidence.repository';
import { OrderRiskRepository } from './database/order-risk.repository';
import { RefundRequestRepository } from './database/refund-request.repository';
import { DISPUTES_POLICY, disputesConfig, type DisputesPolicy } from './disputes.config';
import { BuyerSideController } from './http/buyer-side.http.controller';
import { EvidenceAndRiskController } from './http/evidence-and-risk.http.controller';
import { ArbitrationController } from './http/operations.http.controller';
import { RequestsController } from './http/requests.http.controller';
import {
  DisputeRateHandler,
  GetEvidenceHandler,
  GetOrderRiskHandler,
  GetRequestHandler,
  ListEscalatedHandler,
  ListRequestsHandler,
  RiskBoardHandler,
} from './queries/disputes.query-handlers';
import { logisticsSignalsReaction, orderSignalsReaction } from './reactions/order-signals.reactions';
import { buyerDisputesConsumer, returnTrackingConsumer } from './reactions/partner-teams.consumers';

/** Disputes: refund and return requests, arbitration, dispute early warning and the dispute rate (DSP-*). */
@Module({
  controllers: [RequestsController, BuyerSideController, ArbitrationController, EvidenceAndRiskController],
  providers: [
    ...contextDatabase('disputes', disputesEntities),
    ...disputesConfig,
    RefundRequestRepository,
    EvidenceRepository,
    DisputeRateRepository,
    OrderRiskRepository,
    ReturnScanRepository,
    RequestSteps,
    DisputeRateCounter,
    DisputeRiskScorer,
    OpenRequestHandler,
    AnswerRequestHandler,
    InspectReturnHandler,
    EscalateRequestHandler,
    AnswerOfferHandler,
    ShipReturnHandler,
    ArbitrateHandler,
    RecordReturnScanHandler,
    RequestDeadlineHandler,
    PostAgreedRefundHandler,
    UploadEvidenceHandler,
    ScoreNewOrderHandler,
    RecordRiskSignalHandler,
    GetRequestHandler,
    ListRequestsHandler,
    ListEscalatedHandler,
    GetEvidenceHandler,
    RiskBoardHandler,
    GetOrderRiskHandler,
    DisputeRateHandler,
  ],
})
export class DisputesModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly database: UnitOfWork,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  onModuleInit(): void {
    requestTimerHandlers(this.commands, this.database).forEach((h) => this.timers.register(h));
    this.events.register(
      orderSignalsReaction(this.topics.forContext('orders'), this.database, this.commands),
    );
    this.events.register(
      logisticsSignalsReaction(this.topics.forContext('fulfillment'), this.database, this.commands),
    );
    this.events.register(buyerDisputesConsumer(this.policy.buyersTopic, this.commands, this.database));
    this.events.register(
      returnTrackingConsumer(this.policy.returnTrackingTopic, this.commands, this.database),
    );
  }
}
