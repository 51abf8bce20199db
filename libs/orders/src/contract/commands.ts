import { Command, Query } from '@nestjs/cqrs';

/** What a caller may touch: store ids, or null for every store (operators, internal services). */
export type StoreGrant = readonly string[] | null;

export interface ShippedLine {
  lineId: string;
  quantity: number;
}

export interface RecordShipmentResult {
  orderId: string;
  storeId: string;
  buyerId: string;
  status: string;
  /** True when this shipment completed the order (every line shipped). */
  fullyShipped: boolean;
  /** The lines this shipment covered, resolved when the caller shipped "everything left". */
  lines: ShippedLine[];
}

/**
 * FUL-2, sent by Fulfillment inside its confirm-shipment transaction: marks lines shipped
 * (all remaining lines when `lines` is null). Refused for orders that cannot ship any more.
 */
export class RecordShipmentCommand extends Command<RecordShipmentResult> {
  constructor(
    readonly orderId: string,
    readonly grant: StoreGrant,
    readonly lines: readonly ShippedLine[] | null,
  ) {
    super();
  }
}

/** FUL-7, sent by Fulfillment when every package of the order is delivered. */
export class MarkOrderDeliveredCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly deliveredAt: Date,
  ) {
    super();
  }
}

/** Which store an order belongs to (null when there is no such order): for other contexts' store scoping. */
export class FindOrderStoreQuery extends Query<string | null> {
  constructor(readonly orderId: string) {
    super();
  }
}
