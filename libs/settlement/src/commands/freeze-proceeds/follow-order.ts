import { QueryBus } from '@nestjs/cqrs';
import { Money, NotFoundError } from '@tradehub/kernel';
import { GetOrderSummaryQuery } from '@tradehub/orders/contract';
import type { Tx } from '@tradehub/platform';
import type { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { SettlementOrder } from '../../domain';

/**
 * The order Settlement follows, locked; the first time it is met (its delivery, or a refund before
 * it) it is opened from what Orders knows of it, asked through Orders' contract.
 */
export async function followOrder(
  tx: Tx,
  orders: SettlementOrderRepository,
  queries: QueryBus,
  orderId: string,
  commissionBps: number,
): Promise<SettlementOrder> {
  const followed = await orders.find(tx, orderId);
  if (followed) return followed;
  const summary = await queries.execute(new GetOrderSummaryQuery(orderId, null));
  if (!summary) throw new NotFoundError('ORDER_NOT_FOUND', `no order ${orderId}`);
  const order = SettlementOrder.open(
    {
      orderId,
      storeId: summary.storeId,
      sellerId: summary.sellerId,
      total: Money.parse(summary.total.minor, summary.total.currency, 'total'),
    },
    commissionBps,
  );
  tx.save(order);
  return order;
}
