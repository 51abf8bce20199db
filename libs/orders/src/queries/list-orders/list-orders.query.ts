import { Query } from '@nestjs/cqrs';
import { Page } from '@tradehub/kernel';
import { StoreScope } from '@tradehub/platform';
import { OrderResponse } from '../../views/order.response';
import { ListOrdersRequest } from './list-orders.request.dto';

export class ListOrdersQuery extends Query<Page<OrderResponse>> {
  constructor(
    readonly filter: ListOrdersRequest,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
