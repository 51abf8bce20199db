import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { CommandBus } from '@nestjs/cqrs';
import { EventDispatcher, TimerHandlers, Topics } from '@tradehub/platform';
import { OrderRepository } from './database/order.repository';
import { checkoutOrderPaidConsumer } from './commands/place-order/checkout-order-paid.consumer';
import { PlaceOrderController } from './commands/place-order/place-order.http.controller';
import { PlaceOrderHandler } from './commands/place-order/place-order.handler';
import {
  MissShipDeadlineHandler,
  WarnShipDeadlineHandler,
} from './commands/ship-deadline/ship-deadline.handlers';
import { shipDeadlineTimerHandlers } from './commands/ship-deadline/ship-deadline.timer-handlers';
import { GetOrderController } from './queries/get-order/get-order.http.controller';
import { GetOrderHandler } from './queries/get-order/get-order.handler';
import { ListOrdersController } from './queries/list-orders/list-orders.http.controller';
import { ListOrdersHandler } from './queries/list-orders/list-orders.handler';
import { CancelOrderController } from './commands/cancel-order/cancel-order.http.controller';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { RecordShipmentHandler } from './commands/record-shipment/record-shipment.handler';
import { MarkOrderDeliveredHandler } from './commands/mark-delivered/mark-delivered.handler';
import { OrderCountsController } from './queries/order-counts/order-counts.http.controller';
import { OrderCountsHandler } from './queries/order-counts/order-counts.handler';
import { logisticsFlagsReaction } from './reactions/logistics-flags.reaction';
import { FindOrderStoreHandler } from './queries/order-store/find-order-store.handler';

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
    OrderRepository,
    PlaceOrderHandler,
    WarnShipDeadlineHandler,
    MissShipDeadlineHandler,
    GetOrderHandler,
    ListOrdersHandler,
    CancelOrderHandler,
    RecordShipmentHandler,
    MarkOrderDeliveredHandler,
    OrderCountsHandler,
    FindOrderStoreHandler,
  ],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    shipDeadlineTimerHandlers(this.commands).forEach((h) => this.timers.register(h));
    this.events.register(checkoutOrderPaidConsumer(this.topics.checkout, this.commands));
    this.events.register(
      logisticsFlagsReaction(this.topics.forContext('fulfillment'), this.orders, this.clock),
    );
  }
}
