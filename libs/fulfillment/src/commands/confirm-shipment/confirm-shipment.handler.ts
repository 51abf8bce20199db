import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainError } from '@tradehub/kernel';
import { AuditLog, Outbox, StoreScope, UnitOfWork } from '@tradehub/platform';
import { RecordShipmentCommand } from '@tradehub/orders/contract';
import { OrderShipmentRepository } from '../../database/order-shipment.repository';
import { PackageRepository } from '../../database/package.repository';
import {
  assertTrackingNumberNotReused,
  CarrierCatalog,
  normaliseTrackingNumber,
  Package,
  packageNotFound,
  riskFlagRaised,
  TrackingNumber,
} from '../../domain';
import { PackageTimers } from '../package-timers/package-timers';
import { UnmatchedScanRepository } from '../../database/unmatched-scan.repository';
import { TrackingApplier } from '../record-tracking-event/tracking-applier';
import { PackageResponse, toPackageResponse } from '../../views/package.response';
import { ConfirmShipmentCommand } from './confirm-shipment.command';

const TRACKING_REFUSALS = new Set(['TRACKING_NUMBER_INVALID', 'TRACKING_NUMBER_REUSED']);

/**
 * FUL-1, FUL-2: the order records the shipped lines (Orders, same transaction) and a package is
 * created under a valid, unreused tracking number. A retried confirmation (same order, carrier
 * and number) answers with the package it already created, with no second effect. A refused number changes nothing but raises
 * INVALID_TRACKING_NUMBER for the store, written on its own after the rollback.
 */
@CommandHandler(ConfirmShipmentCommand)
export class ConfirmShipmentHandler implements ICommandHandler<ConfirmShipmentCommand, PackageResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly packages: PackageRepository,
    private readonly shipments: OrderShipmentRepository,
    private readonly timers: PackageTimers,
    private readonly unmatched: UnmatchedScanRepository,
    private readonly tracking: TrackingApplier,
    private readonly catalog: CarrierCatalog,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, request, scope }: ConfirmShipmentCommand): Promise<PackageResponse> {
    const carrier = this.catalog.require(request.carrierCode, 'carrierCode');
    let storeId: string | null = null;
    try {
      return await this.uow.run(async (tx) => {
        const retried = await this.packages.findShipped(
          tx,
          orderId,
          carrier.code,
          normaliseTrackingNumber(request.trackingNumber),
        );
        if (retried && scope.allows(retried.snapshot.storeId)) return toPackageResponse(retried);
        const now = this.clock.now();
        const shipment = await this.commands.execute(
          new RecordShipmentCommand(orderId, scope.storeIds(), request.lines ?? null),
        );
        storeId = shipment.storeId;
        const tracking = TrackingNumber.of(carrier, request.trackingNumber, 'trackingNumber');
        const uses = await this.packages.usesOf(tx, tracking.value);
        assertTrackingNumberNotReused(uses, shipment.buyerId, 'trackingNumber');
        const pkg = Package.ship(
          {
            orderId,
            storeId: shipment.storeId,
            buyerId: shipment.buyerId,
            trackingNumber: tracking,
            lines: shipment.lines,
          },
          now,
        );
        if (!(await this.packages.insert(tx, pkg))) throw new ConcurrentDuplicate();
        await this.shipments.record(tx, {
          orderId,
          storeId: shipment.storeId,
          buyerId: shipment.buyerId,
          fullyShipped: shipment.fullyShipped,
        });
        await this.timers.sync(tx, pkg, now);
        // Scans the carrier sent before this confirmation were parked; they apply now, oldest first.
        for (const scan of await this.unmatched.take(tx, tracking.carrierCode, tracking.value))
          await this.tracking.apply(tx, pkg, scan);
        await this.audit.record(tx, {
          action: 'package.shipped',
          subjectType: 'package',
          subjectId: pkg.id,
          storeId: shipment.storeId,
          changes: {
            orderId,
            carrierCode: tracking.carrierCode,
            trackingNumber: tracking.value,
            lines: shipment.lines,
          },
        });
        return toPackageResponse(pkg);
      });
    } catch (error) {
      if (error instanceof ConcurrentDuplicate)
        return this.replay(orderId, carrier.code, request.trackingNumber, scope);
      if (storeId && error instanceof DomainError && TRACKING_REFUSALS.has(error.code))
        await this.raiseInvalidTracking(storeId, orderId, error);
      throw error;
    }
  }

  /** The same confirmation committed first on another request: answer with its package. */
  private async replay(
    orderId: string,
    carrierCode: string,
    trackingNumber: string,
    scope: StoreScope,
  ): Promise<PackageResponse> {
    const pkg = await this.packages.findShipped(
      this.uow.reader(),
      orderId,
      carrierCode,
      normaliseTrackingNumber(trackingNumber),
    );
    return toPackageResponse(scope.reveal(pkg, (p) => p.snapshot.storeId, packageNotFound));
  }

  /** Risk type 4, on its own transaction: the refused shipment itself left nothing behind. */
  private async raiseInvalidTracking(storeId: string, orderId: string, error: DomainError): Promise<void> {
    await this.uow.run((tx) =>
      this.outbox.append(tx, [
        riskFlagRaised(
          { code: 'INVALID_TRACKING_NUMBER', storeId, orderId, reason: `${error.code}: ${error.message}` },
          this.clock.now(),
          'package',
        ),
      ]),
    );
  }
}

/** Rolls back a confirmation that lost the race to an identical one (same order, carrier, number). */
class ConcurrentDuplicate extends Error {}
