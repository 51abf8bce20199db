import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { UnmatchedScanRepository } from '../../database/unmatched-scan.repository';
import { CarrierCatalog, normaliseTrackingNumber, packageNotFound, parseTrackingEvent } from '../../domain';
import { RecordTrackingEventCommand } from './record-tracking-event.command';
import { TrackingApplier } from './tracking-applier';
import { TrackingEventResult } from './tracking-event.request.dto';

/**
 * A carrier scan applies to every package under its number. A scan of a number no package uses
 * yet is parked and applied when the seller confirms that shipment: carriers often scan first.
 */
@CommandHandler(RecordTrackingEventCommand)
export class RecordTrackingEventHandler implements ICommandHandler<
  RecordTrackingEventCommand,
  TrackingEventResult
> {
  constructor(
    private readonly uow: UnitOfWork,
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
      const found = await this.packages.findByTracking(tx, carrier.code, number);
      const packages = found.filter((p) => scope.allows(p.snapshot.storeId));
      if (found.length > 0 && packages.length === 0) throw packageNotFound();
      if (packages.length === 0) {
        // API-2: only a caller that sees every store may park scans of numbers nobody uses yet.
        if (scope.storeIds() !== null) throw packageNotFound();
        await this.unmatched.park(tx, carrier.code, number, event, this.clock.now());
        return { applied: 0, packageIds: [], parked: true };
      }
      const applied: string[] = [];
      for (const pkg of packages) if (await this.applier.apply(tx, pkg, event)) applied.push(pkg.id);
      return { applied: applied.length, packageIds: applied, parked: false };
    });
  }
}
