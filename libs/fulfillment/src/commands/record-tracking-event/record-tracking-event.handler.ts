import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFoundError } from '@tradehub/kernel';
import { Outbox, Tx, UnitOfWork } from '@tradehub/platform';
import { MarkOrderDeliveredCommand } from '@tradehub/orders/contract';
import { OrderShipmentRepository } from '../../database/order-shipment.repository';
import { PackageRepository } from '../../database/package.repository';
import { TrackingEventRepository } from '../../database/tracking-event.repository';
import {
  CarrierCatalog,
  fulfillmentEvent,
  FulfillmentEvents,
  normaliseTrackingNumber,
  OrderDeliveredV1,
  parseTrackingEvent,
} from '../../domain';
import { PackageTimers } from '../package-timers/package-timers';
import { RecordTrackingEventCommand } from './record-tracking-event.command';
import { TrackingEventResult } from './tracking-event.request.dto';

/**
 * Applies a carrier scan to every package under its number. Idempotent per event id, and out of
 * order tolerant (the package only moves forward). Timers follow the package: pickup starts FUL-3's
 * first-scan clock, each scan restarts FUL-4's stall clock; delivery of the last package is FUL-7.
 */
@CommandHandler(RecordTrackingEventCommand)
export class RecordTrackingEventHandler implements ICommandHandler<
  RecordTrackingEventCommand,
  TrackingEventResult
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly packages: PackageRepository,
    private readonly history: TrackingEventRepository,
    private readonly shipments: OrderShipmentRepository,
    private readonly timers: PackageTimers,
    private readonly catalog: CarrierCatalog,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request }: RecordTrackingEventCommand): Promise<TrackingEventResult> {
    const carrier = this.catalog.require(request.carrierCode, 'carrierCode');
    const event = parseTrackingEvent({ ...request, occurredAt: new Date(request.occurredAt) });
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const packages = await this.packages.findByTracking(
        tx,
        carrier.code,
        normaliseTrackingNumber(request.trackingNumber),
      );
      if (packages.length === 0)
        throw new NotFoundError(
          'PACKAGE_NOT_FOUND',
          'no package ships under this carrier and tracking number',
        );
      const applied: string[] = [];
      for (const pkg of packages) {
        if (!(await this.history.record(tx, pkg.id, event, now))) continue;
        const update = pkg.applyTrackingEvent(event, now);
        await this.packages.update(tx, pkg);
        await this.timers.sync(tx, pkg, now);
        if (update.deliveredNow) await this.deliverOrderIfComplete(tx, pkg.orderId);
        applied.push(pkg.id);
      }
      return { applied: applied.length, packageIds: applied };
    });
  }

  /** FUL-7: the order is delivered when it is fully shipped and every package is. */
  private async deliverOrderIfComplete(tx: Tx, orderId: string): Promise<void> {
    const shipment = await this.shipments.find(tx, orderId);
    if (!shipment || !shipment.fullyShipped || shipment.deliveredAt) return;
    const all = await this.packages.findByOrder(tx, orderId);
    if (!all.every((p) => p.snapshot.deliveredAt)) return;
    const deliveredAt = new Date(Math.max(...all.map((p) => p.snapshot.deliveredAt!.getTime())));
    await this.shipments.markDelivered(tx, orderId, deliveredAt);
    await this.outbox.append(tx, [
      fulfillmentEvent<OrderDeliveredV1>(
        FulfillmentEvents.OrderDelivered,
        'order',
        orderId,
        this.clock.now(),
        {
          orderId,
          storeId: shipment.storeId,
          deliveredAt: deliveredAt.toISOString(),
        },
      ),
    ]);
    await this.commands.execute(new MarkOrderDeliveredCommand(orderId, deliveredAt));
  }
}
