import { Query } from '@nestjs/cqrs';
import type { Page } from '@tradehub/kernel';
import type { StoreScope } from '@tradehub/platform';
import type { TendencyBoardFilter } from '../database/order-tendency.repository';
import type { TendencyOrderResponse } from '../views/tendency.response';

/** REV-6: the open orders at risk of a negative review, of the stores the caller may see. */
export class TendencyBoardQuery extends Query<Page<TendencyOrderResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: TendencyBoardFilter,
  ) {
    super();
  }
}

export class GetOrderTendencyQuery extends Query<TendencyOrderResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly orderId: string,
  ) {
    super();
  }
}
