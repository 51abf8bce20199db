import { Query } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { OrderCountsRequest, OrderCountsResponse } from './order-counts.dto';

export class OrderCountsQuery extends Query<OrderCountsResponse> {
  constructor(
    readonly filter: OrderCountsRequest,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
