import { AggregateRoot } from '@tradehub/kernel';
import { FulfillmentEvents, OrderDeliveredV1 } from '../contract';
import { fulfillmentEvent } from './fulfillment-event';

export interface OrderFulfillmentState {
  /** The order's id. */
  id: string;
  storeId: string;
  buyerId: string;
  /** FUL-2: the order recorded every line shipped (its packages say no more). */
  fullyShipped: boolean;
  /** FUL-7: when the last package of the fully shipped order was delivered. */
  deliveredAt: Date | null;
  version: number;
}

/**
 * Fulfillment's own view of one order's shipping (the order itself is Orders'): whether every line
 * has shipped, as Orders answered when it recorded each package, and whether every package is
 * delivered. It decides FUL-7 once, under its own lock, however many packages are scanned at once.
 */
export class OrderFulfillment extends AggregateRoot implements OrderFulfillmentState {
  id!: string;
  storeId!: string;
  buyerId!: string;
  fullyShipped!: boolean;
  deliveredAt!: Date | null;
  version!: number;

  constructor(state: OrderFulfillmentState) {
    super();
    Object.assign(this, state);
  }

  static start(orderId: string, storeId: string, buyerId: string): OrderFulfillment {
    const record = new OrderFulfillment({
      id: orderId,
      storeId,
      buyerId,
      fullyShipped: false,
      deliveredAt: null,
      version: 1,
    });
    record.changed('order-fulfillment.started');
    return record;
  }

  get aggregateType(): string {
    return 'order-fulfillment';
  }

  /** FUL-2: Orders recorded a package; `fullyShipped` is its answer after that package. */
  recordPackage(fullyShipped: boolean): void {
    if (!fullyShipped || this.fullyShipped) return;
    this.fullyShipped = true;
    this.changed('order-fulfillment.fully-shipped');
  }

  /**
   * FUL-7: the order is delivered when it is fully shipped and every package is; the instant S of
   * SET-1 is the last delivery scan. Returns the delivery instant when it happened now.
   */
  completeDelivery(packageDeliveries: readonly (Date | null)[], now: Date): Date | null {
    if (!this.fullyShipped || this.deliveredAt || packageDeliveries.length === 0) return null;
    if (packageDeliveries.some((d) => d === null)) return null;
    const deliveredAt = new Date(Math.max(...packageDeliveries.map((d) => d!.getTime())));
    this.deliveredAt = deliveredAt;
    this.changed('order-fulfillment.delivered');
    this.raise(
      fulfillmentEvent<OrderDeliveredV1>(FulfillmentEvents.OrderDelivered, 'order', this.id, now, {
        orderId: this.id,
        storeId: this.storeId,
        deliveredAt: deliveredAt.toISOString(),
      }),
    );
    return deliveredAt;
  }
}
