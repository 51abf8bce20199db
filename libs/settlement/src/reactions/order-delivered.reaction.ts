import { CommandBus } from '@nestjs/cqrs';
import { FulfillmentEvents, type OrderDeliveredV1 } from '@tradehub/fulfillment/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { FreezeProceedsCommand } from '../commands/freeze-proceeds/freeze-proceeds.command';

/** FUL-7 -> SET-1: a delivered order's proceeds are frozen; the freeze and the inbox record commit together. */
export function orderDeliveredReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'settlement.order-delivered',
    topic,
    database,
    types: [FulfillmentEvents.OrderDelivered],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as OrderDeliveredV1;
      await commands.execute(new FreezeProceedsCommand(data.orderId, new Date(data.deliveredAt)));
    },
  };
}
