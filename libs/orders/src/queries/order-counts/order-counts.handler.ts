import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderListRepository } from '../../database/order-list.repository';
import { OrderCountsResponse } from './order-counts.dto';
import { OrderCountsQuery } from './order-counts.query';

/** ORD-6: the console's tab counts over the caller's stores. */
@QueryHandler(OrderCountsQuery)
export class OrderCountsHandler implements IQueryHandler<OrderCountsQuery, OrderCountsResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: OrderListRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filter, scope }: OrderCountsQuery): Promise<OrderCountsResponse> {
    return this.lists.counts(this.uow.reader(), filter, scope, this.clock.now());
  }
}
