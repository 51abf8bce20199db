import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { Outbox, Tx } from '@tradehub/platform';
import { MarkOrderDeliveredCommand } from '@tradehub/orders/contract';
import { OrderShipmentRepository } from '../../database/order-shipment.repository';
import { PackageRepository } from '../../database/package.repository';
import { TrackingEventRepository } from '../../database/tracking-event.repository';
import { fulfillmentEvent, FulfillmentEvents, OrderDeliveredV1, Package, TrackingEvent } from '../../domain';
import { PackageTimers } from '../package-timers/package-timers';

/**
 * Applies one carrier scan to one package: recorded once per event id, out of order tolerant
 * (the package only moves forward), timers re-armed (FUL-3 first scan, FUL-4 stall), and the
 * order delivered when its last package is (FUL-7). Used for live scans and for parked ones.
 */
@Injectable()
export class TrackingApplier {
  constructor(
    private readonly commands: CommandBus,
    private readonly packages: PackageRepository,
    private readonly history: TrackingEventRepository,
    private readonly shipments: OrderShipmentRepository,
    private readonly timers: PackageTimers,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** False when the package already had this scan. */
  async apply(tx: Tx, pkg: Package, event: TrackingEvent): Promise<boolean> {
    const now = this.clock.now();
    if (!(await this.history.record(tx, pkg.id, event, now))) return false;
    const update = pkg.applyTrackingEvent(event, now);
    await this.packages.update(tx, pkg);
    await this.timers.sync(tx, pkg, now);
    if (update.deliveredNow) await this.deliverOrderIfComplete(tx, pkg.orderId);
    return true;
  }

  /** FUL-7: the order is delivered when it is fully shipped and every package is. */
  private async deliverOrderIfComplete(tx: Tx, orderId: string): Promise<void> {
    const shipment = await this.shipments.find(tx, orderId);
    if (!shipment || !shipment.fullyShipped || shipment.deliveredAt) return;
    const all = await this.packages.findByOrder(tx, orderId);
    if (!all.every((p) => p.snapshot.deliveredAt)) return;
    const deliveredAt = new Date(Math.max(...all.map((p) => p.snapshot.deliveredAt!.getTime())));
    await this.shipments.markDelivered(tx, orderId, deliveredAt);
    const payload: OrderDeliveredV1 = {
      orderId,
      storeId: shipment.storeId,
      deliveredAt: deliveredAt.toISOString(),
    };
    await this.outbox.append(tx, [
      fulfillmentEvent(FulfillmentEvents.OrderDelivered, 'order', orderId, this.clock.now(), payload),
    ]);
    await this.commands.execute(new MarkOrderDeliveredCommand(orderId, deliveredAt));
  }
}
