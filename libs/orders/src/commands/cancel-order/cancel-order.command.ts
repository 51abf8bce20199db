import { Command } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { CancelOrderRequest } from './cancel-order.request.dto';

/** ORD-5 */
export class CancelOrderCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly request: CancelOrderRequest,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
