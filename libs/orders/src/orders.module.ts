import { Module, OnModuleInit } from '@nestjs/common';
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

/** Orders: paid-order ingest, ship-by deadlines and late strikes, order lists (ORD-*). */
@Module({
  controllers: [PlaceOrderController, ListOrdersController, GetOrderController],
  providers: [
    OrderRepository,
    PlaceOrderHandler,
    WarnShipDeadlineHandler,
    MissShipDeadlineHandler,
    GetOrderHandler,
    ListOrdersHandler,
  ],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly timers: TimerHandlers,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
  ) {}

  onModuleInit(): void {
    shipDeadlineTimerHandlers(this.commands).forEach((h) => this.timers.register(h));
    this.events.register(checkoutOrderPaidConsumer(this.topics.checkout, this.commands));
  }
}
