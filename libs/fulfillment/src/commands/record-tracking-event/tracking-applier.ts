import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { Tx } from '@tradehub/platform';
import { OrderFulfillmentRepository } from '../../database/order-fulfillment.repository';
import { PackageRepository } from '../../database/package.repository';
import { TrackingEventRepository } from '../../database/tracking-event.repository';
import {
  type FulfillmentPolicy,
  OrderFulfillment,
  Package,
  TrackingEvent,
  TrackingUpdate,
} from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';

/**
 * Applies one carrier scan to one package: recorded once per event id, out of order tolerant (the
 * package only moves forward, its FUL-3/FUL-4 deadlines move with it), and the order delivered
 * when its last package is (FUL-7). Used for live scans and for parked ones.
 */
@Injectable()
export class TrackingApplier {
  constructor(
    private readonly packages: PackageRepository,
    private readonly history: TrackingEventRepository,
    private readonly orders: OrderFulfillmentRepository,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Null when the package already had this scan. */
  async apply(tx: Tx, pkg: Package, event: TrackingEvent): Promise<TrackingUpdate | null> {
    const now = this.clock.now();
    if (!(await this.history.record(tx, pkg.id, event, now))) return null;
    return pkg.applyTrackingEvent(event, now, this.policy);
  }

  /**
   * FUL-7: the order is delivered when it is fully shipped and every package is; its record is
   * written once, under the order's lock. Returns the delivery instant when it happened now.
   */
  async deliverOrderIfComplete(tx: Tx, orderId: string): Promise<Date | null> {
    await this.orders.lockOrder(tx, orderId);
    if (await this.orders.find(tx, orderId)) return null;
    const delivered = OrderFulfillment.deliver(
      await this.packages.findShippedByOrder(tx, orderId),
      this.clock.now(),
    );
    if (!delivered) return null;
    tx.save(delivered);
    return delivered.deliveredAt;
  }
}
