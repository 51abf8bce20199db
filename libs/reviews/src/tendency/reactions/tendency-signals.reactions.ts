import { CommandBus } from '@nestjs/cqrs';
import { DisputeEvents, type IssueStatusChangedV1 } from '@tradehub/disputes/contract';
import {
  FulfillmentEvents,
  type PackageRefV1,
  type ReviewTaskOpenedV1,
} from '@tradehub/fulfillment/contract';
import {
  type OrderCancelledV1,
  OrderEvents,
  type OrderPlacedV1,
  type OrderStatusChangedV1,
  type ShipDeadlineV1,
} from '@tradehub/orders/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { RecordTendencySignalCommand, TrackOrderTendencyCommand } from '../commands/tendency-signals';

/**
 * ORD-1, ORD-2, ORD-5, ORD-7 -> REV-6: a placed order is tracked, a missed ship-by deadline counts, a
 * cancelled or finished order is no longer open.
 */
export function orderTendencyReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'reviews.order-signals',
    topic,
    database,
    types: [
      OrderEvents.OrderPlaced,
      OrderEvents.ShipDeadlineMissed,
      OrderEvents.OrderCancelled,
      OrderEvents.OrderStatusChanged,
    ],
    async handle(event: IncomingEvent): Promise<void> {
      if (event.type === OrderEvents.OrderPlaced) {
        const { orderId, storeId, buyerId } = event.data as unknown as OrderPlacedV1;
        await commands.execute(new TrackOrderTendencyCommand({ orderId, storeId, buyerId }));
      } else if (event.type === OrderEvents.ShipDeadlineMissed) {
        const data = event.data as unknown as ShipDeadlineV1;
        await commands.execute(new RecordTendencySignalCommand(data.orderId, { lateShipment: true }));
      } else if (event.type === OrderEvents.OrderStatusChanged) {
        const data = event.data as unknown as OrderStatusChangedV1;
        if (data.to === 'FINISH')
          await commands.execute(
            new RecordTendencySignalCommand(data.orderId, {
              closed: true,
              closedBecause: 'the order finished',
            }),
          );
      } else {
        const data = event.data as unknown as OrderCancelledV1;
        await commands.execute(
          new RecordTendencySignalCommand(data.orderId, {
            closed: true,
            closedBecause: 'the order was cancelled',
          }),
        );
      }
    },
  };
}

/**
 * FUL-3, FUL-4 -> REV-6: no first scan after pickup, stalled tracking, or an abnormal-logistics review
 * task: the buyer cannot see the parcel moving.
 */
export function logisticsTendencyReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'reviews.logistics-signals',
    topic,
    database,
    types: [
      FulfillmentEvents.NoFirstScan,
      FulfillmentEvents.LogisticsStalled,
      FulfillmentEvents.ReviewTaskOpened,
    ],
    async handle(event: IncomingEvent): Promise<void> {
      if (
        event.type === FulfillmentEvents.ReviewTaskOpened &&
        (event.data as unknown as ReviewTaskOpenedV1).kind !== 'ABNORMAL_LOGISTICS'
      )
        return;
      const data = event.data as unknown as PackageRefV1;
      await commands.execute(new RecordTendencySignalCommand(data.orderId, { logisticsStalled: true }));
    },
  };
}

/** DSP-1..4 -> REV-6: a refund or return request is open (or in arbitration) on the order, or no longer. */
export function disputeTendencyReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'reviews.dispute-signals',
    topic,
    database,
    types: [DisputeEvents.IssueStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as IssueStatusChangedV1;
      const openIssue = data.to === 'OPEN' || data.to === 'ESCALATED';
      await commands.execute(new RecordTendencySignalCommand(data.orderId, { openIssue }));
    },
  };
}
