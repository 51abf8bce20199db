import { Query } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { OrderResponse } from '../../views/order.response';

export class GetOrderQuery extends Query<OrderResponse> {
  constructor(
    readonly orderId: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
