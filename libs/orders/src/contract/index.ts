/**
 * What other contexts and teams may depend on: the Orders context's integration events, on
 * topic `tradehub.orders.v1`, key = order id. Payload changes are additive; a breaking change
 * gets a new schema version.
 */
export const ORDERS_CONTEXT = 'orders';

export const OrderEvents = {
  OrderPlaced: 'tradehub.orders.order-placed',
  ShipDeadlineNear: 'tradehub.orders.ship-deadline-near',
  ShipDeadlineMissed: 'tradehub.orders.ship-deadline-missed',
  LateShipmentStrikeRecorded: 'tradehub.orders.late-shipment-strike-recorded',
  RiskFlagRaised: 'tradehub.orders.risk-flag-raised',
  OrderStatusChanged: 'tradehub.orders.order-status-changed',
  OrderCancelled: 'tradehub.orders.order-cancelled',
} as const;

export * from './commands';

/** ORD-7: every status move, in the marketplace vocabulary. */
export interface OrderStatusChangedV1 {
  orderId: string;
  storeId: string;
  from: string;
  to: string;
}

/** ORD-5: seller-initiated cancellations count in the store's cancellation rate. */
export interface OrderCancelledV1 {
  orderId: string;
  storeId: string;
  initiator: 'BUYER' | 'SELLER';
  reason: string;
  note: string | null;
  sellerInitiated: boolean;
}

export interface MoneyDto {
  /** Integer minor units as a decimal string (JSON has no bigint). */
  minor: string;
  currency: string;
}

export interface OrderPlacedV1 {
  orderId: string;
  marketplaceOrderId: string;
  sellerId: string;
  mainAccountId: string;
  storeId: string;
  buyerId: string;
  status: string;
  total: MoneyDto;
  lines: { lineId: string; sku: string; quantity: number; unitPrice: MoneyDto }[];
  shippingCountry: string;
  presale: boolean;
  paidAt: string;
  shipBy: string;
}

export interface ShipDeadlineV1 {
  orderId: string;
  storeId: string;
  shipBy: string;
}

export interface LateShipmentStrikeRecordedV1 {
  orderId: string;
  storeId: string;
  /** Strikes of the store inside the rolling window, this one included (ORD-4). */
  strikesInWindow: number;
  windowDays: number;
  /** True from the threshold strike on: the DSR shipping score is lowered and Compliance told. */
  thresholdReached: boolean;
}

/** CMP-5: the shared risk-flag shape, published as `tradehub.orders.risk-flag-raised`. */
export type { RiskFlagRaisedV1, RiskSeverity } from '@tradehub/kernel';
