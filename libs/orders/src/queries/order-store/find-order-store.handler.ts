import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@tradehub/platform';
import { FindOrderStoreQuery } from '../../contract';

/** Answers Fulfillment's (and later contexts') "whose order is this?" without exposing the order. */
@QueryHandler(FindOrderStoreQuery)
export class FindOrderStoreHandler implements IQueryHandler<FindOrderStoreQuery, string | null> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ orderId }: FindOrderStoreQuery): Promise<string | null> {
    const [row] = await this.uow
      .reader()
      .query<{ store_id: string }>(`select store_id from orders.orders where id = ?`, [orderId]);
    return row?.store_id ?? null;
  }
}
