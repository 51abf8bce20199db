import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CLOCK, type Clock, ConflictError, DomainError } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { GetOrderSummaryQuery, OrderSummary } from '@tradehub/orders/contract';
import { ClosedSellerRepository } from '../../database/closed-sellers.repository';
import { PackageRepository } from '../../database/package.repository';
import {
  CarrierCatalog,
  type FulfillmentPolicy,
  normaliseTrackingNumber,
  OrderNotFound,
  OrderNotShippable,
  Package,
  PackageLine,
  riskFlagRaised,
  SellerAccountClosed,
  TrackingNumber,
  TrackingNumberCarriesOtherLines,
  TrackingNumberInvalid,
  TrackingNumberReused,
} from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';
import { PackageResponse, toPackageResponse } from '../../views/package.response';
import { ConfirmShipmentCommand } from './confirm-shipment.command';
import { ShipmentConfirmation } from './shipment-confirmation';

/**
 * FUL-1, FUL-2: a package under a valid, unreused tracking number of an approved carrier, with
 * the lines the order records for it (ShipmentConfirmation). A retried confirmation (same order,
 * carrier, number and lines) answers with the package it created, however many arrive at once; the
 * same number naming other lines is refused with the package it already carries. A refused number
 * changes nothing but raises INVALID_TRACKING_NUMBER for the store. CMP-4: a closed seller's order
 * (the seller as Orders reports it) ships nothing more.
 */
@CommandHandler(ConfirmShipmentCommand)
export class ConfirmShipmentHandler implements ICommandHandler<ConfirmShipmentCommand, PackageResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly packages: PackageRepository,
    private readonly closedSellers: ClosedSellerRepository,
    private readonly confirmation: ShipmentConfirmation,
    private readonly catalog: CarrierCatalog,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ConfirmShipmentCommand): Promise<PackageResponse> {
    return this.confirm(command, false);
  }

  /**
   * What the confirmation would come to, changing nothing (a spreadsheet import's preview): the same
   * checks, and the package's insert with its constraints (FUL-2), then everything rolled back. No
   * risk flag is raised for a refused number, and Orders is not asked (it checks the lines when
   * the confirmation is made).
   */
  async preview(command: ConfirmShipmentCommand): Promise<void> {
    const { carrier, number, tracking, lines, order, earlier } = await this.checked(command);
    if (earlier) {
      if (!sameLines(lines, earlier.requestedLines)) throw new TrackingNumberCarriesOtherLines(earlier.id);
      return;
    }
    await this.refuseClosedSeller(order);
    try {
      await this.insert(command.orderId, order, tracking(), lines, true);
    } catch (thrown) {
      if (thrown === ROLLED_BACK) return;
      const error = this.packages.refusalOf(thrown, 'trackingNumber');
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // An identical confirmation committed its package meanwhile: the retry's answer.
      const same = await this.packages.findUnderNumber(
        this.uow.reader(),
        command.orderId,
        carrier.code,
        number,
      );
      if (!same) throw new ConflictError('CHANGED_CONCURRENTLY', 'the order changed meanwhile; retry');
      if (!sameLines(lines, same.requestedLines)) throw new TrackingNumberCarriesOtherLines(same.id);
    }
  }

  /**
   * The checks before the package is written: an approved carrier, the order visible and awaiting
   * shipment (or this very confirmation made already: `earlier`). The seller not being closed is
   * checked by the insert's commit (`insert`), and asked first of every refusal (`confirm`).
   */
  private async checked({ orderId, request, scope }: ConfirmShipmentCommand) {
    const carrier = this.catalog.require(request.carrierCode, 'carrierCode');
    const number = normaliseTrackingNumber(request.trackingNumber);
    const lines = request.lines?.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) ?? null;
    const order = await this.queries.execute(new GetOrderSummaryQuery(orderId, scope.storeIds()));
    if (!order) throw new OrderNotFound();
    const tracking = (): TrackingNumber =>
      TrackingNumber.of(carrier, request.trackingNumber, 'trackingNumber');
    if (!order.awaitingShipment) {
      // A retry after the order shipped in full still gets its first answer.
      const earlier = await this.packages.findUnderNumber(this.uow.reader(), orderId, carrier.code, number);
      if (earlier) return { carrier, number, lines, order, tracking, earlier };
      throw new OrderNotShippable(order.status);
    }
    return { carrier, number, lines, order, tracking, earlier: null };
  }

  /** CMP-4 (the seller as Orders reports it) comes before every other refusal of the package. */
  private async refuseClosedSeller(order: OrderSummary): Promise<void> {
    if (await this.closedSellers.isClosed(this.uow.direct, order.sellerId))
      throw new SellerAccountClosed(order.sellerId);
  }

  /** The package, requested in a transaction of its own; rolled back (ROLLED_BACK) once its insert held, for a preview. */
  private insert(
    orderId: string,
    order: OrderSummary,
    trackingNumber: TrackingNumber,
    lines: PackageLine[] | null,
    rollBack: boolean,
  ): Promise<Package> {
    return this.uow.run(async (tx) => {
      // FUL-2's "not on another buyer's order" and "once per order and carrier" are the table's
      // constraints, checked inside the insert (PackageRepository.refusalOf maps them).
      const requested = Package.request(
        { orderId, storeId: order.storeId, buyerId: order.buyerId, trackingNumber, lines },
        this.clock.now(),
        this.policy,
      );
      tx.save(requested);
      // A preview rolls back before COMMIT, so it asks before the insert (`preview`).
      if (!rollBack) this.closedSellers.expectOpen(tx, order.sellerId);
      if (rollBack)
        tx.beforeCommit(async () => {
          // The rows ride with COMMIT: a statement sends them first, so their constraints answer.
          await tx.query('select 1');
          throw ROLLED_BACK;
        });
      return requested;
    });
  }

  private async confirm(command: ConfirmShipmentCommand, again: boolean): Promise<PackageResponse> {
    const { orderId, scope } = command;
    const { carrier, number, lines, order, tracking, earlier } = await this.checked(command);
    if (earlier) return this.answerRetry(earlier, lines, scope);
    let pkg: Package | null;
    try {
      pkg = await this.insert(orderId, order, tracking(), lines, false);
    } catch (thrown) {
      const error = this.packages.refusalOf(thrown, 'trackingNumber');
      // Whatever refused the package (the commit's CMP-4 check among them), a closed seller hears that.
      await this.refuseClosedSeller(order);
      if (error instanceof TrackingNumberInvalid || error instanceof TrackingNumberReused)
        await this.raiseInvalidTracking(order, error);
      // Two buyers' packages inserted under one number at once can deadlock on the constraint
      // (PostgreSQL fails one side): once more, this one meets the other's committed package.
      if (error instanceof ConflictError && error.code === 'CHANGED_CONCURRENTLY' && !again)
        return this.confirm(command, true);
      // An identical confirmation committed its package first.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      pkg = null;
    }
    if (pkg) return toPackageResponse(await this.confirmation.complete(pkg, scope.storeIds()));
    const retried = await this.packages.findUnderNumber(this.uow.reader(), orderId, carrier.code, number);
    if (retried) return this.answerRetry(retried, lines, scope);
    // Gone since (the order refused it): this request gets the order's answer afresh, once.
    if (again) throw new ConflictError('CHANGED_CONCURRENTLY', 'the order changed meanwhile; retry');
    return this.confirm(command, true);
  }

  /** The same confirmation again gets the first answer (finishing it if it is still under way); other lines are refused. */
  private async answerRetry(
    pkg: Package,
    lines: PackageLine[] | null,
    scope: StoreScope,
  ): Promise<PackageResponse> {
    if (!sameLines(lines, pkg.requestedLines)) throw new TrackingNumberCarriesOtherLines(pkg.id);
    return toPackageResponse(pkg.pending ? await this.confirmation.complete(pkg, scope.storeIds()) : pkg);
  }

  /** Risk type 4, in a transaction of its own: the refused shipment itself left nothing behind. */
  private async raiseInvalidTracking(order: OrderSummary, error: DomainError): Promise<void> {
    await this.uow.run(async (tx) =>
      tx.publish(
        [
          riskFlagRaised(
            {
              code: 'INVALID_TRACKING_NUMBER',
              storeId: order.storeId,
              orderId: order.orderId,
              packageId: null,
              reason: `${error.code}: ${error.message}`,
            },
            this.clock.now(),
            'package',
          ),
        ],
        {
          action: 'risk-flag.raised',
          subjectType: 'order',
          subjectId: order.orderId,
          storeId: order.storeId,
          changes: {
            code: { from: null, to: 'INVALID_TRACKING_NUMBER' },
            reason: { from: null, to: error.message },
          },
        },
      ),
    );
  }
}

/** Same lines, whatever their order; null (every line left) only matches null. */
function sameLines(a: readonly PackageLine[] | null, b: readonly PackageLine[] | null): boolean {
  if (a === null || b === null) return a === b;
  const key = (lines: readonly PackageLine[]): string =>
    [...lines]
      .sort((x, y) => x.lineId.localeCompare(y.lineId))
      .map((l) => `${l.lineId}:${l.quantity}`)
      .join(',');
  return key(a) === key(b);
}

/** Thrown before COMMIT by a preview once its insert held: the transaction rolls back. One instance, no stack. */
const ROLLED_BACK = new Error('a preview changes nothing');
