import type { EventCatalogue, RiskFlagRaisedV1 } from '@tradehub/kernel';
import {
  OrderEvents,
  type LateShipmentStrikeRecordedV1,
  type OrderCancelledV1,
  type OrderEventType,
  type OrderPlacedV1,
  type OrderRefusedV1,
  type OrderStatusChangedV1,
  type RiskFlagClearedV1,
  type ShipDeadlineV1,
  type ShipmentRecordedV1,
} from './events';

const orderId = '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b';
const storeId = 'store-es-01';
const packageId = '019a2b40-1111-7222-8333-444455556666';

/**
 * Every integration event of the Orders context, with its payload interface, a one-line summary
 * (rule IDs as in docs/events.md) and an example payload. `docs/asyncapi.json` is generated from it.
 */
export const ORDER_EVENT_CATALOGUE: EventCatalogue<OrderEventType> = {
  [OrderEvents.OrderPlaced]: {
    type: OrderEvents.OrderPlaced,
    payload: 'OrderPlacedV1',
    summary:
      'ORD-1: checkout reported a paid order new to tradehub; it waits for shipment with its ship-by deadline (ORD-2, ORD-3).',
    example: {
      orderId,
      marketplaceOrderId: '8190123456789',
      sellerId: 'seller-42',
      mainAccountId: 'acct-7',
      storeId,
      buyerId: 'buyer-9001',
      status: 'WAIT_SELLER_SEND_GOODS',
      total: { minor: '4497', currency: 'USD' },
      lines: [{ lineId: '1', sku: 'MUG-RED', quantity: 2, unitPrice: { minor: '1999', currency: 'USD' } }],
      shippingCountry: 'ES',
      presale: false,
      paidAt: '2026-03-02T10:00:00.000Z',
      shipBy: '2026-03-02T14:00:00.000Z',
    } satisfies OrderPlacedV1,
  },
  [OrderEvents.ShipDeadlineNear]: {
    type: OrderEvents.ShipDeadlineNear,
    payload: 'ShipDeadlineV1',
    summary:
      'ORD-2, ORD-3: the ship-by deadline is near and the order still waits for (some of) its packages.',
    example: { orderId, storeId, shipBy: '2026-03-02T14:00:00.000Z' } satisfies ShipDeadlineV1,
  },
  [OrderEvents.ShipDeadlineMissed]: {
    type: OrderEvents.ShipDeadlineMissed,
    payload: 'ShipDeadlineV1',
    summary:
      'ORD-2, ORD-3: the ship-by deadline passed before every package shipped; the order is late (once).',
    example: { orderId, storeId, shipBy: '2026-03-02T14:00:00.000Z' } satisfies ShipDeadlineV1,
  },
  [OrderEvents.LateShipmentStrikeRecorded]: {
    type: OrderEvents.LateShipmentStrikeRecorded,
    payload: 'LateShipmentStrikeRecordedV1',
    summary:
      "ORD-4: the late order's strike against its store, counted in the rolling window ending at the deadline.",
    example: {
      orderId,
      storeId,
      strikesInWindow: 3,
      windowDays: 90,
      thresholdReached: true,
    } satisfies LateShipmentStrikeRecordedV1,
  },
  [OrderEvents.RiskFlagRaised]: {
    type: OrderEvents.RiskFlagRaised,
    payload: 'RiskFlagRaisedV1',
    summary:
      'CMP-5: a risk the Orders context raises (ORD-2 ship deadline near or missed, ORD-4 late-shipment strikes).',
    example: {
      code: 'SHIP_DEADLINE_MISSED',
      severity: 'high',
      storeId,
      orderId,
      reason: 'not shipped by 2026-03-02T14:00:00.000Z',
    } satisfies RiskFlagRaisedV1,
  },
  [OrderEvents.RiskFlagCleared]: {
    type: OrderEvents.RiskFlagCleared,
    payload: 'RiskFlagClearedV1',
    summary:
      "CMP-5: an open ship-deadline flag of the order is no longer open (it shipped, was cancelled, or near became missed), or the store's LATE_SHIPMENT_STRIKES ended (its strikes in the window fell under the threshold).",
    example: {
      code: 'SHIP_DEADLINE_NEAR',
      storeId,
      orderId,
      reason: 'the order shipped',
    } satisfies RiskFlagClearedV1,
  },
  [OrderEvents.OrderStatusChanged]: {
    type: OrderEvents.OrderStatusChanged,
    payload: 'OrderStatusChangedV1',
    summary: 'ORD-7: every status move of an order, in the marketplace vocabulary (on FUL-2, ORD-5, FUL-7).',
    example: {
      orderId,
      storeId,
      from: 'WAIT_SELLER_SEND_GOODS',
      to: 'WAIT_BUYER_ACCEPT_GOODS',
    } satisfies OrderStatusChangedV1,
  },
  [OrderEvents.OrderCancelled]: {
    type: OrderEvents.OrderCancelled,
    payload: 'OrderCancelledV1',
    summary:
      "ORD-5: the order was cancelled before anything shipped; seller-initiated ones count in the store's cancellation rate.",
    example: {
      orderId,
      storeId,
      initiator: 'SELLER',
      reason: 'OUT_OF_STOCK',
      note: 'supplier delay',
      sellerInitiated: true,
    } satisfies OrderCancelledV1,
  },
  [OrderEvents.ShipmentRecorded]: {
    type: OrderEvents.ShipmentRecorded,
    payload: 'ShipmentRecordedV1',
    summary:
      "FUL-2 on the order side: a confirmed package's lines are recorded shipped; fullyShipped when no line is left.",
    example: {
      orderId,
      storeId,
      packageId,
      lines: [{ lineId: '1', quantity: 2 }],
      fullyShipped: true,
    } satisfies ShipmentRecordedV1,
  },
  [OrderEvents.OrderRefused]: {
    type: OrderEvents.OrderRefused,
    payload: 'OrderRefusedV1',
    summary:
      "ORD-1, CMP-4: a paid order was refused at ingest (its seller's account is closed) and did not enter; once per marketplace order id, keyed by it.",
    example: {
      marketplaceOrderId: '8190123456790',
      sellerId: 'seller-42',
      mainAccountId: 'acct-7',
      storeId,
      buyerId: 'buyer-9002',
      code: 'SELLER_ACCOUNT_CLOSED',
      reason: "seller seller-42's account is closed (CMP-4): it takes no new orders",
      refusedAt: '2026-03-09T10:00:00.000Z',
    } satisfies OrderRefusedV1,
  },
};
