import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock, ConflictError, DomainError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import {
  ApplyShipmentCommand,
  ApplyShipmentResult,
  MarkOrderDeliveredCommand,
  StoreGrant,
} from '@tradehub/orders/contract';
import { PackageRepository } from '../../database/package.repository';
import { UnmatchedScanRepository } from '../../database/unmatched-scan.repository';
import { Package, PackageNotFound } from '../../domain';
import { TrackingApplier } from '../record-tracking-event/tracking-applier';

/**
 * The second half of a shipment confirmation (FUL-2), a saga across two contexts with no shared
 * transaction: (1) the package was written PENDING in Fulfillment's transaction; (2) Orders records
 * its lines in the order's own transaction (in-process, or through Kafka), which is where a
 * shipment and a cancellation of the same order meet, one after the other; (3) the package ships,
 * or, refused, is removed (the audit keeps why). Every step is idempotent on the package id, so a retried
 * request, a duplicate racing it, or the recovery timer of a process that died between steps all
 * finish the same package once.
 */
@Injectable()
export class ShipmentConfirmation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly packages: PackageRepository,
    private readonly unmatched: UnmatchedScanRepository,
    private readonly tracking: TrackingApplier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Finishes the package, given as read (or by id) before its own transaction. */
  async complete(requestedOrId: Package | string, grant: StoreGrant): Promise<Package> {
    const requested =
      typeof requestedOrId === 'string'
        ? await this.packages.findById(this.uow.reader(), requestedOrId)
        : requestedOrId;
    if (!requested) throw new PackageNotFound();
    if (!requested.pending) return requested;
    let recorded: ApplyShipmentResult;
    try {
      recorded = await this.commands.execute(
        new ApplyShipmentCommand(requested.orderId, requested.id, requested.requestedLines, grant),
      );
    } catch (error) {
      // A refusal is final (cancelled, nothing left to ship); Orders being unreachable is not: the timer retries.
      if (error instanceof DomainError && error.kind !== 'unavailable' && error.kind !== 'conflict')
        await this.refuse(requested.id, `${error.code}: ${error.message}`);
      throw error;
    }
    return this.ship(requested, recorded);
  }

  private async ship(requested: Package, recorded: ApplyShipmentResult): Promise<Package> {
    // Inside another transaction (the recovery timer's) the checks would only run at its commit,
    // after the fallback could still be taken: the locked path then, always.
    if (this.uow.inTransaction()) return this.shipLocked(requested, recorded);
    try {
      return await this.shipAsHeld(requested, recorded);
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'CHANGED_CONCURRENTLY')) throw error;
    }
    // `requested` now holds the refused attempt's state; only its id and number are used below.
    return this.shipLocked(requested, recorded);
  }

  /**
   * The usual case in one message: the package as this process wrote (or read) it, still PENDING,
   * with no scan parked under its number. The commit checks both (the row's version, no parked
   * row, under the number's lock); if either changed, nothing is written and the locked path runs.
   */
  private shipAsHeld(requested: Package, recorded: ApplyShipmentResult): Promise<Package> {
    return this.uow.run(async (tx) => {
      await this.packages.lockNumber(tx, requested.trackingNumber);
      const pkg = tx.adopt(requested);
      this.unmatched.expectNoneParked(tx, pkg.carrierCode, pkg.trackingNumber);
      pkg.confirm(recorded.lines, recorded.fullyShipped, this.clock.now());
      return pkg;
    });
  }

  private shipLocked(requested: Package, recorded: ApplyShipmentResult): Promise<Package> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      // The number's lock first, as every scan takes it: parked scans move into the package exactly once.
      await this.packages.lockNumber(tx, requested.trackingNumber);
      const { pkg, scans } = await this.unmatched.takeWithPackage(
        tx,
        requested.id,
        requested.carrierCode,
        requested.trackingNumber,
      );
      if (!pkg) throw new PackageNotFound();
      if (!pkg.confirm(recorded.lines, recorded.fullyShipped, now)) return pkg;
      // Scans the carrier sent before this confirmation were parked; they apply now, oldest first.
      let delivered = false;
      for (const scan of scans)
        delivered = (await this.tracking.apply(tx, pkg, scan))?.deliveredNow || delivered;
      const deliveredAt = delivered ? await this.tracking.deliverOrderIfComplete(tx, pkg.orderId) : null;
      if (deliveredAt) {
        // As for a live scan: Orders hears of the delivery once this commits (README: consistency windows).
        tx.afterCommit(() =>
          this.commands.execute(new MarkOrderDeliveredCommand(pkg.orderId, deliveredAt.toISOString())),
        );
      }
      return pkg;
    });
  }

  /** The order refused the lines: the pending package goes, and the audit keeps why. */
  private async refuse(packageId: string, reason: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const pkg = await this.packages.findById(tx, packageId, true);
      if (!pkg?.pending) return;
      tx.remove(pkg);
      tx.audit({
        action: 'package.shipment-refused',
        subjectType: 'package',
        subjectId: pkg.id,
        storeId: pkg.storeId,
        changes: { confirmation: { from: 'PENDING', to: null }, reason: { from: null, to: reason } },
      });
    });
  }
}
