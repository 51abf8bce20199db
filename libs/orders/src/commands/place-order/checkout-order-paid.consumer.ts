import { CommandBus } from '@nestjs/cqrs';
import { EventHandler, IncomingEvent, UnitOfWork, validateMessage } from '@tradehub/platform';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request.dto';

/**
 * ORD-1: checkout's paid-order events, validated exactly like the REST ingest. Malformed
 * messages are rejected (logged, skipped) instead of blocking the partition.
 */
export function checkoutOrderPaidConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'orders.checkout-order-paid',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      await commands.execute(new PlaceOrderCommand(await validateMessage(PlaceOrderRequest, event.data)));
    },
  };
}
