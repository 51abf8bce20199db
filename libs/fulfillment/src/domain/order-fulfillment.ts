import { AggregateRoot } from '@tradehub/kernel';
import { FulfillmentEvents, OrderDeliveredV1 } from '../contract';
import { fulfillmentEvent } from './fulfillment-event';

export interface OrderFulfillmentState {
  /** The order's id. */
  id: string;
  storeId: string;
  buyerId: string;
  /** FUL-7: the last delivery scan of the order's packages: the instant S of SET-1. */
  deliveredAt: Date;
  version: number;
}

/** A shipped package as FUL-7 weighs it. */
export interface ShippedPackage {
  orderId: string;
  storeId: string;
  buyerId: string;
  deliveredAt: Date | null;
  /** The order recorded every line shipped when it recorded this package. */
  completesOrder: boolean;
}

/**
 * Fulfillment's record that an order was delivered (the order itself is Orders'). It exists once
 * per order: created when the order is fully shipped and every package is delivered, under the
 * order's lock, however many packages are scanned at once.
 */
export class OrderFulfillment extends AggregateRoot implements OrderFulfillmentState {
  id!: string;
  storeId!: string;
  buyerId!: string;
  deliveredAt!: Date;
  version!: number;

  constructor(state: OrderFulfillmentState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'order-fulfillment';
  }

  /**
   * FUL-7: the order is delivered when it is fully shipped (a package completed it) and every
   * package is delivered; null until then.
   */
  static deliver(packages: readonly ShippedPackage[], now: Date): OrderFulfillment | null {
    const [first] = packages;
    if (!first || !packages.some((p) => p.completesOrder)) return null;
    if (packages.some((p) => p.deliveredAt === null)) return null;
    const deliveredAt = new Date(Math.max(...packages.map((p) => p.deliveredAt!.getTime())));
    const record = new OrderFulfillment({
      id: first.orderId,
      storeId: first.storeId,
      buyerId: first.buyerId,
      deliveredAt,
      version: 1,
    });
    record.changed('order-fulfillment.delivered');
    record.raise(
      fulfillmentEvent<OrderDeliveredV1>(FulfillmentEvents.OrderDelivered, 'order', first.orderId, now, {
        orderId: first.orderId,
        storeId: first.storeId,
        deliveredAt: deliveredAt.toISOString(),
      }),
    );
    return record;
  }
}
