import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { MarkOrderDeliveredCommand } from '@tradehub/orders/contract';
import { PackageRepository } from '../../database/package.repository';
import { UnmatchedScanRepository } from '../../database/unmatched-scan.repository';
import { CarrierCatalog, normaliseTrackingNumber, PackageNotFound, parseTrackingEvent } from '../../domain';
import { RecordTrackingEventCommand } from './record-tracking-event.command';
import { TrackingApplier } from './tracking-applier';
import { TrackingEventResult } from './tracking-event.request.dto';

/**
 * A carrier scan applies to every shipped package under its number. A scan of a number no shipped
 * package uses yet is parked and applied when the seller's confirmation ships: carriers often scan
 * first. A delivery that completes an order (FUL-7) is told to Orders once the scan committed; the
 * order-delivered event is the durable path of the same fact.
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
    private readonly unmatched: UnmatchedScanRepository,
    private readonly applier: TrackingApplier,
    private readonly catalog: CarrierCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, scope }: RecordTrackingEventCommand): Promise<TrackingEventResult> {
    const carrier = this.catalog.require(request.carrierCode, 'carrierCode');
    const event = parseTrackingEvent({ ...request, occurredAt: new Date(request.occurredAt) });
    const number = normaliseTrackingNumber(request.trackingNumber);
    return this.uow.run(async (tx) => {
      await this.packages.lockNumber(tx, number);
      const found = await this.packages.findShippedByTracking(tx, carrier.code, number);
      const packages = found.filter((p) => scope.allows(p.storeId));
      if (found.length > 0 && packages.length === 0) throw new PackageNotFound();
      if (packages.length === 0) {
        // API-2: only a caller that sees every store may park scans of numbers nobody uses yet.
        if (scope.storeIds() !== null) throw new PackageNotFound();
        await this.unmatched.park(tx, carrier.code, number, event, this.clock.now());
        return { applied: 0, packageIds: [], parked: true };
      }
      const applied: string[] = [];
      for (const pkg of packages) {
        const update = await this.applier.apply(tx, pkg, event);
        if (!update) continue;
        applied.push(pkg.id);
        const deliveredAt = update.deliveredNow
          ? await this.applier.deliverOrderIfComplete(tx, pkg.orderId)
          : null;
        if (deliveredAt) {
          tx.afterCommit(() =>
            this.commands.execute(new MarkOrderDeliveredCommand(pkg.orderId, deliveredAt.toISOString())),
          );
        }
      }
      return { applied: applied.length, packageIds: applied, parked: false };
    });
  }
}
