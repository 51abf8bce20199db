import { Clock } from '@tradehub/kernel';
import { EventHandler, IncomingEvent, Tx } from '@tradehub/platform';
import { FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { OrderRepository } from '../database/order.repository';

/**
 * Keeps the order's "in the abnormal-logistics pool" and "under review" flags from
 * Fulfillment's events, so sellers filter their order lists by them (eventually consistent).
 */
export function logisticsFlagsReaction(topic: string, orders: OrderRepository, clock: Clock): EventHandler {
  return {
    consumer: 'orders.logistics-flags',
    topic,
    types: [
      FulfillmentEvents.LogisticsStalled,
      FulfillmentEvents.ReviewTaskOpened,
      FulfillmentEvents.ReviewTaskDecided,
    ],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const order = await orders.findById(tx, String(event.data.orderId), true);
      if (!order) return;
      order.setLogisticsFlags(flagsFor(event), clock.now());
      await orders.update(tx, order);
    },
  };
}

function flagsFor(event: IncomingEvent): { inAbnormalPool?: boolean; underReview?: boolean } {
  switch (event.type) {
    case FulfillmentEvents.LogisticsStalled:
      return { inAbnormalPool: true };
    case FulfillmentEvents.ReviewTaskOpened:
      return { underReview: true };
    default:
      // A decided abnormal-logistics task takes the order out of the pool; any decision ends the review.
      return event.data.kind === 'ABNORMAL_LOGISTICS'
        ? { underReview: false, inAbnormalPool: false }
        : { underReview: false };
  }
}
