import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { GetOrderSummaryQuery, OrderSummary } from '../../contract';
import { OrderRepository } from '../../database/order.repository';
import { Order } from '../../domain/order';

/** What another context may know of an order to act on it; a foreign order answers like a missing one. */
@QueryHandler(GetOrderSummaryQuery)
export class GetOrderSummaryHandler implements IQueryHandler<GetOrderSummaryQuery, OrderSummary | null> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
  ) {}

  async execute({ orderId, stores }: GetOrderSummaryQuery): Promise<OrderSummary | null> {
    const summary = await this.orders.findSummary(this.uow.direct, orderId);
    const scope = stores === null ? StoreScope.all() : StoreScope.ofStores(stores);
    return summary && scope.allows(summary.storeId) ? summary : null;
  }
}

export function toOrderSummary(order: Order): OrderSummary {
  return {
    orderId: order.id,
    storeId: order.storeId,
    sellerId: order.sellerId,
    buyerId: order.buyerId,
    status: order.status,
    total: order.total.toJSON(),
    awaitingShipment: order.awaitingShipment,
    deliveredAt: order.deliveredAt?.toISOString() ?? null,
    cancelled: order.cancellation !== null,
    issueStatus: order.issueStatus,
  };
}
