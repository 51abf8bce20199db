import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextDatabase, EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';
import { DecideHoldHandler } from './commands/decide-hold/decide-hold.handler';
import { FreezeProceedsHandler } from './commands/freeze-proceeds/freeze-proceeds.handler';
import { QuoteFxHandler, RecordFxRateHandler } from './commands/fx/fx.handlers';
import { SettlePayoutHandler } from './commands/payout-result/settle-payout.handler';
import { PostRefundHandler } from './commands/post-refund/post-refund.handler';
import {
  RecordOrderIssueHandler,
  RecordSellerAccountHandler,
} from './commands/hold-signals/hold-signals.handlers';
import { ReleaseFundsHandler, StartReviewHandler } from './commands/review/review.handlers';
import { reviewTimerHandlers } from './commands/review/review.timer-handlers';
import { RequestWithdrawalHandler } from './commands/withdraw/withdraw.handler';
import { settlementEntities } from './database';
import { FxRepository } from './database/fx.repository';
import { LedgerReadRepository } from './database/ledger-read.repository';
import { LedgerRepository } from './database/ledger.repository';
import { SettlementOrderRepository } from './database/settlement-order.repository';
import { LedgerController } from './http/ledger.http.controller';
import { SettlementOperationsController } from './http/settlement-operations.http.controller';
import { WithdrawalsController } from './http/withdrawals.http.controller';
import {
  GetBalancesHandler,
  GetPayoutCycleHandler,
  GetReleaseScheduleHandler,
  GetSettlementOrderHandler,
  GetWithdrawalHandler,
  ListEntriesHandler,
  ListHeldReviewsHandler,
  ListWithdrawalsHandler,
} from './queries/settlement.query-handlers';
import { DailyAmountsInUsdHandler } from './queries/daily-usd.query-handler';
import { GetOrderRefundsHandler } from './queries/order-refunds.query-handler';
import { disputeIssueReaction } from './reactions/dispute-issue.reaction';
import { fakeShipmentReaction } from './reactions/fake-shipment.reaction';
import { orderDeliveredReaction } from './reactions/order-delivered.reaction';
import { payoutResultsConsumer, treasuryRatesConsumer } from './reactions/partner-teams.consumers';
import { sellerAccountReaction } from './reactions/seller-account.reaction';
import { SETTLEMENT_POLICY, settlementConfig, type SettlementPolicy } from './settlement.config';

/** Settlement: the double-entry ledger, frozen funds, risk review and release, refunds, withdrawals (SET-*). */
@Module({
  controllers: [LedgerController, WithdrawalsController, SettlementOperationsController],
  providers: [
    ...contextDatabase('settlement', settlementEntities),
    ...settlementConfig,
    LedgerRepository,
    LedgerReadRepository,
    SettlementOrderRepository,
    FxRepository,
    FreezeProceedsHandler,
    StartReviewHandler,
    ReleaseFundsHandler,
    DecideHoldHandler,
    PostRefundHandler,
    RecordOrderIssueHandler,
    RecordSellerAccountHandler,
    RecordFxRateHandler,
    QuoteFxHandler,
    RequestWithdrawalHandler,
    SettlePayoutHandler,
    GetBalancesHandler,
    ListEntriesHandler,
    GetSettlementOrderHandler,
    ListHeldReviewsHandler,
    ListWithdrawalsHandler,
    GetWithdrawalHandler,
    GetPayoutCycleHandler,
    GetReleaseScheduleHandler,
    GetOrderRefundsHandler,
    DailyAmountsInUsdHandler,
  ],
})
export class SettlementModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly database: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
    @Inject(SETTLEMENT_POLICY) private readonly policy: SettlementPolicy,
  ) {}

  onModuleInit(): void {
    reviewTimerHandlers(this.commands, this.database).forEach((h) => this.timers.register(h));
    const fulfillment = this.topics.forContext('fulfillment');
    this.events.register(orderDeliveredReaction(fulfillment, this.database, this.commands));
    this.events.register(fakeShipmentReaction(fulfillment, this.database, this.orders));
    this.events.register(
      disputeIssueReaction(this.topics.forContext('disputes'), this.database, this.commands),
    );
    this.events.register(
      sellerAccountReaction(this.topics.forContext('compliance'), this.database, this.commands),
    );
    this.events.register(treasuryRatesConsumer(this.policy.treasuryTopic, this.commands, this.database));
    this.events.register(payoutResultsConsumer(this.policy.payoutsTopic, this.commands, this.database));
  }
}
