import { QueryBus } from '@nestjs/cqrs';
import { Money, NotFoundError } from '@tradehub/kernel';
import { GetOrderSummaryQuery } from '@tradehub/orders/contract';
import type { OrderTerms } from '../../domain';

/** What Settlement needs of an order it starts to follow, asked of Orders through its contract. */
export async function orderTerms(queries: QueryBus, orderId: string): Promise<OrderTerms> {
  const summary = await queries.execute(new GetOrderSummaryQuery(orderId, null));
  if (!summary) throw new NotFoundError('ORDER_NOT_FOUND', `no order ${orderId}`);
  return {
    orderId,
    storeId: summary.storeId,
    sellerId: summary.sellerId,
    total: Money.parse(summary.total.minor, summary.total.currency, 'total'),
  };
}
