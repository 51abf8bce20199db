import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Page } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderTendencyRepository } from '../database/order-tendency.repository';
import { type TendencyOrderResponse, tendencyView } from '../views/tendency.response';
import { GetOrderTendencyQuery, TendencyBoardQuery } from './tendency.queries';

@QueryHandler(TendencyBoardQuery)
export class TendencyBoardHandler implements IQueryHandler<TendencyBoardQuery, Page<TendencyOrderResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tendencies: OrderTendencyRepository,
  ) {}

  async execute({ scope, filter }: TendencyBoardQuery): Promise<Page<TendencyOrderResponse>> {
    const page = await this.tendencies.board(this.uow.direct, scope, filter);
    return { items: page.items.map(tendencyView), nextCursor: page.nextCursor };
  }
}

/** API-2: another store's order is answered exactly like an order never tracked. */
@QueryHandler(GetOrderTendencyQuery)
export class GetOrderTendencyHandler implements IQueryHandler<GetOrderTendencyQuery, TendencyOrderResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tendencies: OrderTendencyRepository,
  ) {}

  async execute({ scope, orderId }: GetOrderTendencyQuery): Promise<TendencyOrderResponse> {
    const row = await this.tendencies.get(this.uow.direct, orderId);
    return tendencyView(
      scope.reveal(
        row,
        (r) => r.storeId,
        () => new NotFoundError('ORDER_NOT_FOUND', 'no such order'),
      ),
    );
  }
}
