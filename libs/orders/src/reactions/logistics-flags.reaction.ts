import { Clock } from '@tradehub/kernel';
import { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import { FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { OrderRepository } from '../database/order.repository';

/**
 * Keeps the order's "under review" and "in the abnormal-logistics pool" flags from Fulfillment's
 * review-task events, so sellers filter their order lists by them (eventually consistent). The
 * inbox applies each event once, so the open-task counts behind the flags stay exact.
 */
export function logisticsFlagsReaction(
  topic: string,
  database: UnitOfWork,
  orders: OrderRepository,
  clock: Clock,
): EventHandler {
  return {
    consumer: 'orders.logistics-flags',
    topic,
    database,
    types: [FulfillmentEvents.ReviewTaskOpened, FulfillmentEvents.ReviewTaskDecided],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const order = await orders.findById(tx, String(event.data.orderId), true);
      const delta = event.type === FulfillmentEvents.ReviewTaskOpened ? 1 : -1;
      order?.countReviewTask(event.data.kind === 'ABNORMAL_LOGISTICS', delta, clock.now());
    },
  };
}
