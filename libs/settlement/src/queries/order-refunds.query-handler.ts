import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { GetOrderRefundsQuery, type OrderRefunds } from '../contract';

/** SET-5 for Disputes: what is already refunded on an order, whoever asked for it (an operator's refund too). */
@QueryHandler(GetOrderRefundsQuery)
export class GetOrderRefundsHandler implements IQueryHandler<GetOrderRefundsQuery, OrderRefunds | null> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ orderId }: GetOrderRefundsQuery): Promise<OrderRefunds | null> {
    if (!isUuid(orderId)) return null;
    const [row] = await this.uow.direct.query<{ refunded_minor: string; currency: string }>(
      `select refunded_minor::text as refunded_minor, currency from settlement.settlement_orders where id = ?`,
      [orderId.toLowerCase()],
    );
    return row ? { orderId, refundedMinor: row.refunded_minor, currency: row.currency } : null;
  }
}
