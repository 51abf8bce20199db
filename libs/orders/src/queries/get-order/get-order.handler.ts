import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderRepository } from '../../database/order.repository';
import { OrderNotFound } from '../../domain/order.errors';
import { OrderResponse, toOrderResponse } from '../../views/order.response';
import { GetOrderQuery } from './get-order.query';

/** API-2: an order of a store outside the caller's grant is reported like a missing one. */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, scope }: GetOrderQuery): Promise<OrderResponse> {
    const order = scope.reveal(
      await this.orders.findById(this.uow.reader(), orderId),
      (o) => o.storeId,
      () => new OrderNotFound(),
    );
    return toOrderResponse(order, this.clock.now());
  }
}
