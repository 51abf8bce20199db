import { CommandBus } from '@nestjs/cqrs';
import { FulfillmentEvents, type PackageRefV1 } from '@tradehub/fulfillment/contract';
import {
  OrderEvents,
  type OrderPlacedV1,
  type OrderStatusChangedV1,
  type ShipDeadlineV1,
} from '@tradehub/orders/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { RecordRiskSignalCommand, ScoreNewOrderCommand } from '../commands/risk/risk-signals';

/** ORD-1, ORD-2, ORD-7 -> DSP-5, DSP-6: Orders' events that score, count or close an order's dispute risk. */
export function orderSignalsReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'disputes.order-signals',
    topic,
    database,
    types: [OrderEvents.OrderPlaced, OrderEvents.ShipDeadlineMissed, OrderEvents.OrderStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      if (event.type === OrderEvents.OrderPlaced) {
        const data = event.data as unknown as OrderPlacedV1;
        await commands.execute(new ScoreNewOrderCommand(data.orderId));
      } else if (event.type === OrderEvents.ShipDeadlineMissed) {
        const data = event.data as unknown as ShipDeadlineV1;
        await commands.execute(new RecordRiskSignalCommand(data.orderId, { lateShipment: true }));
      } else {
        const data = event.data as unknown as OrderStatusChangedV1;
        if (data.to === 'FINISH')
          await commands.execute(new RecordRiskSignalCommand(data.orderId, { closed: true }));
      }
    },
  };
}

/** FUL-3, FUL-4 -> DSP-5: no first scan or stalled logistics raise the order's dispute risk. */
export function logisticsSignalsReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'disputes.logistics-signals',
    topic,
    database,
    types: [FulfillmentEvents.NoFirstScan, FulfillmentEvents.LogisticsStalled],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as PackageRefV1;
      await commands.execute(new RecordRiskSignalCommand(data.orderId, { logisticsStalled: true }));
    },
  };
}
