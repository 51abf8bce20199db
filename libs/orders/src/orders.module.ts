import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { contextDatabase, EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';
import { ordersEntities } from './database';
import { OrderListRepository } from './database/order-list.repository';
import { OrderRepository } from './database/order.repository';
import { ClosedSellerRepository } from './database/closed-sellers.repository';
import { ApplyShipmentHandler } from './commands/apply-shipment/apply-shipment.handler';
import { CancelOrderController } from './commands/cancel-order/cancel-order.http.controller';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { MarkOrderDeliveredHandler } from './commands/mark-delivered/mark-delivered.handler';
import { checkoutOrderPaidConsumer } from './commands/place-order/checkout-order-paid.consumer';
import { PlaceOrderController } from './commands/place-order/place-order.http.controller';
import { PlaceOrderHandler } from './commands/place-order/place-order.handler';
import { OrderRefusals } from './commands/place-order/order-refusals';
import {
  MissShipDeadlineHandler,
  WarnShipDeadlineHandler,
} from './commands/ship-deadline/ship-deadline.handlers';
import { shipDeadlineTimerHandlers } from './commands/ship-deadline/ship-deadline.timer-handlers';
import { ReviewStrikeWindowHandler, strikeWindowTimerHandler } from './commands/ship-deadline/strike-window';
import { ORDERS_CONFIG, ordersConfig, type OrdersConfig } from './orders.config';
import { GetOrderController } from './queries/get-order/get-order.http.controller';
import { GetOrderHandler } from './queries/get-order/get-order.handler';
import { ListOrdersController } from './queries/list-orders/list-orders.http.controller';
import { ListOrdersHandler } from './queries/list-orders/list-orders.handler';
import { OrderCountsController } from './queries/order-counts/order-counts.http.controller';
import { OrderCountsHandler } from './queries/order-counts/order-counts.handler';
import { GetOrderSummaryHandler } from './queries/order-summary/order-summary.handler';
import { GetOrderRiskFactsHandler } from './queries/order-risk-facts/order-risk-facts.handler';
import { logisticsFlagsReaction } from './reactions/logistics-flags.reaction';
import { orderDeliveredReaction } from './reactions/order-delivered.reaction';
import { fundStatusReaction } from './reactions/fund-status.reaction';
import { RecordFundStatusHandler } from './commands/record-fund-status/record-fund-status.handler';
import { issueStatusReaction } from './reactions/issue-status.reaction';
import { RecordIssueStatusHandler } from './commands/record-issue-status/record-issue-status.handler';
import { sellerAccountReaction } from './reactions/seller-account.reaction';

/** Orders: paid-order ingest, ship-by deadlines and late strikes, order lists (ORD-*). */
@Module({
  // OrderCountsController before GetOrderController: `/v1/orders/counts` is not an order id.
  controllers: [
    PlaceOrderController,
    CancelOrderController,
    OrderCountsController,
    ListOrdersController,
    GetOrderController,
  ],
  providers: [
    ...contextDatabase('orders', ordersEntities),
    ordersConfig,
    OrderRepository,
    OrderListRepository,
    ClosedSellerRepository,
    OrderRefusals,
    PlaceOrderHandler,
    WarnShipDeadlineHandler,
    MissShipDeadlineHandler,
    ReviewStrikeWindowHandler,
    GetOrderHandler,
    ListOrdersHandler,
    CancelOrderHandler,
    ApplyShipmentHandler,
    MarkOrderDeliveredHandler,
    OrderCountsHandler,
    GetOrderSummaryHandler,
    GetOrderRiskFactsHandler,
    RecordFundStatusHandler,
    RecordIssueStatusHandler,
  ],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly database: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly closedSellers: ClosedSellerRepository,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    shipDeadlineTimerHandlers(this.commands, this.database).forEach((h) => this.timers.register(h));
    this.timers.register(strikeWindowTimerHandler(this.commands, this.database));
    this.events.register(checkoutOrderPaidConsumer(this.config.checkoutTopic, this.commands, this.database));
    const fulfillment = this.topics.forContext('fulfillment');
    this.events.register(logisticsFlagsReaction(fulfillment, this.database, this.orders, this.clock));
    this.events.register(orderDeliveredReaction(fulfillment, this.database, this.commands));
    this.events.register(
      fundStatusReaction(this.topics.forContext('settlement'), this.database, this.commands),
    );
    this.events.register(
      issueStatusReaction(this.topics.forContext('disputes'), this.database, this.commands),
    );
    this.events.register(
      sellerAccountReaction(this.topics.forContext('compliance'), this.database, this.closedSellers),
    );
  }
}
