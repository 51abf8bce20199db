import { Command, Query } from '@nestjs/cqrs';
import type { ContractCalls } from '@tradehub/platform';

/** Store ids a caller may touch, or null for every store (operators, internal services). */
export type StoreGrant = readonly string[] | null;

export interface ShippedLine {
  lineId: string;
  quantity: number;
}

/** What other contexts may know of an order to act on it (no buyer data beyond the id). */
export interface OrderSummary {
  orderId: string;
  storeId: string;
  sellerId: string;
  buyerId: string;
  status: string;
  /** Lines plus shipping, in the order's currency: what the buyer paid (Settlement's basis, SET-1). */
  total: { minor: string; currency: string };
  /** Some lines still wait to ship (ORD-7 WAIT_SELLER_SEND_GOODS or SELLER_PART_SEND_GOODS). */
  awaitingShipment: boolean;
  /** FUL-7: when every package was delivered (ISO-8601), or null before. */
  deliveredAt: string | null;
  /** ORD-5: the order was cancelled (it is FINISH with a cancellation kept). */
  cancelled: boolean;
  /** DSP-4: the issue status beside the order status: 'NONE', 'OPEN', 'ESCALATED' or 'CLOSED'. */
  issueStatus: string;
}

/** An order of a store in the grant, or null when there is none (a foreign order answers like a missing one). */
export class GetOrderSummaryQuery extends Query<OrderSummary | null> {
  constructor(
    readonly orderId: string,
    readonly stores: StoreGrant,
  ) {
    super();
  }
}

/** DSP-5: where the order goes and how it was paid, for the dispute-risk score (no name, no phone). */
export interface OrderRiskFacts {
  orderId: string;
  storeId: string;
  buyerId: string;
  /** ISO-8601. */
  paidAt: string;
  shippingAddress: {
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string | null;
    country: string;
  };
  paymentMethod: string;
  paymentCountry: string;
  /** ORD-2: flagged late shipment (未及时发货). */
  lateShipment: boolean;
}

/** DSP-5: the risk facts of an order, or null when there is no such order. */
export class GetOrderRiskFactsQuery extends Query<OrderRiskFacts | null> {
  constructor(readonly orderId: string) {
    super();
  }
}

export interface ApplyShipmentResult extends OrderSummary {
  /** The lines this package carries, resolved when the caller shipped "everything left". */
  lines: ShippedLine[];
  /** True when every line of the order has shipped. */
  fullyShipped: boolean;
}

/**
 * FUL-2: records a package's lines as shipped (all remaining lines when `lines` is null), in the
 * order's own transaction. Idempotent on the package id: a repeat answers the first result. Refused
 * (ORDER_NOT_SHIPPABLE, LINE_OVER_SHIPPED, ...) when the order cannot ship them: cancelled, closed,
 * already shipped. This is where a shipment and a cancellation of the same order meet, one after the other.
 */
export class ApplyShipmentCommand extends Command<ApplyShipmentResult> {
  constructor(
    readonly orderId: string,
    readonly packageId: string,
    readonly lines: readonly ShippedLine[] | null,
    readonly stores: StoreGrant,
  ) {
    super();
  }
}

/** FUL-7: every package of the order was delivered at `deliveredAt` (ISO-8601). Idempotent. */
export class MarkOrderDeliveredCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly deliveredAt: string,
  ) {
    super();
  }
}

/** The calls Orders offers other contexts, by wire name (in-process or through Kafka). */
export const ORDERS_CALLS: ContractCalls = {
  context: 'orders',
  calls: {
    'orders.get-order-summary': GetOrderSummaryQuery,
    'orders.get-order-risk-facts': GetOrderRiskFactsQuery,
    'orders.apply-shipment': ApplyShipmentCommand,
    'orders.mark-delivered': MarkOrderDeliveredCommand,
  },
};
