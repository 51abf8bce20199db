import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, Page } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderListRepository } from '../../database/order-list.repository';
import { OrderResponse, toOrderResponse } from '../../views/order.response';
import { ListOrdersQuery } from './list-orders.query';

/** ORD-6: orders across every store the caller may see, cursor-paginated. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, Page<OrderResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: OrderListRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, scope }: ListOrdersQuery): Promise<Page<OrderResponse>> {
    const now = this.clock.now();
    const page = await this.lists.page(this.uow.reader(), filter, scope, now);
    return { items: page.items.map((o) => toOrderResponse(o, now)), nextCursor: page.nextCursor };
  }
}
