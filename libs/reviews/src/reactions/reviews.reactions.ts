import { CommandBus } from '@nestjs/cqrs';
import { type LateShipmentStrikeRecordedV1, OrderEvents } from '@tradehub/orders/contract';
import { type EventHandler, type IncomingEvent, type UnitOfWork, validateMessage } from '@tradehub/platform';
import { ReceiveReviewCommand } from '../commands/receive-review/receive-review';
import { ReviewMessage } from '../commands/receive-review/review.message';
import { RecordStrikeCommand } from '../commands/strikes/record-strike';

/** ORD-4 -> REV-5: each late-shipment strike of a store, dated when Orders recorded it (the missed deadline). */
export function strikesReaction(topic: string, database: UnitOfWork, commands: CommandBus): EventHandler {
  return {
    consumer: 'reviews.late-shipment-strikes',
    topic,
    database,
    types: [OrderEvents.LateShipmentStrikeRecorded],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as LateShipmentStrikeRecordedV1;
      await commands.execute(new RecordStrikeCommand(data.orderId, data.storeId, event.time));
    },
  };
}

/** REV-1: the buyer-facing team's reviews, validated like the service endpoint. */
export function buyerReviewsConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'reviews.buyer-reviews',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      await commands.execute(new ReceiveReviewCommand(await validateMessage(ReviewMessage, event.data)));
    },
  };
}
