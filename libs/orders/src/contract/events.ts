/**
 * The Orders context's integration events, on topic `tradehub.orders.v1`, key = order id (one
 * order's events stay in order). Payloads are V1; changes are additive, a breaking change gets a
 * new schema version. Instants are ISO-8601 UTC strings; money is `{ minor, currency }` with minor
 * units as a decimal string.
 */
export const ORDERS_CONTEXT = 'orders';

export const OrderEvents = {
  OrderPlaced: 'tradehub.orders.order-placed',
  ShipDeadlineNear: 'tradehub.orders.ship-deadline-near',
  ShipDeadlineMissed: 'tradehub.orders.ship-deadline-missed',
  LateShipmentStrikeRecorded: 'tradehub.orders.late-shipment-strike-recorded',
  RiskFlagRaised: 'tradehub.orders.risk-flag-raised',
  RiskFlagCleared: 'tradehub.orders.risk-flag-cleared',
  OrderStatusChanged: 'tradehub.orders.order-status-changed',
  OrderCancelled: 'tradehub.orders.order-cancelled',
  ShipmentRecorded: 'tradehub.orders.shipment-recorded',
  OrderRefused: 'tradehub.orders.order-refused',
} as const;

export type OrderEventType = (typeof OrderEvents)[keyof typeof OrderEvents];

export interface MoneyDto {
  /** Integer minor units as a decimal string (JSON has no bigint). */
  minor: string;
  currency: string;
}

/** ORD-1: a paid order entered, awaiting shipment. */
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
  /** ORD-2/ORD-3 ship-by instant. */
  shipBy: string;
}

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

/** ORD-2: the warning before the ship-by deadline, and the deadline passing. */
export interface ShipDeadlineV1 {
  orderId: string;
  storeId: string;
  shipBy: string;
}

/** ORD-4: a late-shipment strike of the store, dated at the missed deadline. */
export interface LateShipmentStrikeRecordedV1 {
  orderId: string;
  storeId: string;
  /** Strikes of the store inside the rolling window, this one included (ORD-4). */
  strikesInWindow: number;
  windowDays: number;
  /** True from the threshold strike on: the DSR shipping score is lowered and Compliance told. */
  thresholdReached: boolean;
}

/** FUL-2 on the order side: a package's lines are recorded shipped (the order may now be partly or fully shipped). */
export interface ShipmentRecordedV1 {
  orderId: string;
  storeId: string;
  packageId: string;
  lines: { lineId: string; quantity: number }[];
  fullyShipped: boolean;
}

/**
 * ORD-1, CMP-4: checkout's paid order was refused at ingest (REST or the checkout topic) and did not
 * enter: its seller's account is closed. Published once per marketplace order id, however often the
 * order is sent again; the key is the marketplace order id, since the order never got a tradehub id.
 */
export interface OrderRefusedV1 {
  marketplaceOrderId: string;
  sellerId: string;
  mainAccountId: string;
  storeId: string;
  buyerId: string;
  /** The refusal's problem code: `SELLER_ACCOUNT_CLOSED` (CMP-4). */
  code: string;
  reason: string;
  refusedAt: string;
}

/** CMP-5: a flag this context raised is no longer open (the order shipped, the deadline passed to the next flag). */
export interface RiskFlagClearedV1 {
  code: string;
  storeId: string;
  orderId: string | null;
  reason: string;
}

/** CMP-5: the shared risk-flag shape, published as `tradehub.orders.risk-flag-raised`. */
export type { RiskFlagRaisedV1, RiskSeverity } from '@tradehub/kernel';
