import { CommandBus } from '@nestjs/cqrs';
import { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { FulfillmentEvents, OrderDeliveredV1 } from '@tradehub/fulfillment/contract';
import { MarkOrderDeliveredCommand } from '../contract';

/**
 * FUL-7: the durable path of "delivery completes the order". Fulfillment also calls Orders right
 * after the delivery commits; whichever comes second finds the order delivered and changes nothing.
 */
export function orderDeliveredReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'orders.order-delivered',
    topic,
    database,
    types: [FulfillmentEvents.OrderDelivered],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as OrderDeliveredV1;
      await commands.execute(new MarkOrderDeliveredCommand(data.orderId, data.deliveredAt));
    },
  };
}
