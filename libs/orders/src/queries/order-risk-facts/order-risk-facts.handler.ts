import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { GetOrderRiskFactsQuery, OrderRiskFacts } from '../../contract';
import { OrderRepository } from '../../database/order.repository';

/** DSP-5: what the dispute-risk score reads of an order (address, payment, late shipment), read-only. */
@QueryHandler(GetOrderRiskFactsQuery)
export class GetOrderRiskFactsHandler implements IQueryHandler<
  GetOrderRiskFactsQuery,
  OrderRiskFacts | null
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
  ) {}

  async execute({ orderId }: GetOrderRiskFactsQuery): Promise<OrderRiskFacts | null> {
    // Order ids are UUIDs: anything else names no order (and would not reach the uuid column).
    if (!isUuid(orderId)) return null;
    return this.orders.findRiskFacts(this.uow.direct, orderId);
  }
}
