import { FakeShipmentConfirmedV1, FulfillmentEvents } from '@tradehub/fulfillment/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import type { SettlementOrderRepository } from '../database/settlement-order.repository';

/** FUL-6 -> SET-2: a confirmed fake shipment holds the order's money at its review. */
export function fakeShipmentReaction(
  topic: string,
  database: UnitOfWork,
  orders: SettlementOrderRepository,
): EventHandler {
  return {
    consumer: 'settlement.fake-shipment-confirmed',
    topic,
    database,
    types: [FulfillmentEvents.FakeShipmentConfirmed],
    async handle(event: IncomingEvent, tx): Promise<void> {
      const data = event.data as unknown as FakeShipmentConfirmedV1;
      await orders.recordFakeShipment(tx, data.orderId, data.storeId, data.taskId, event.time);
    },
  };
}
