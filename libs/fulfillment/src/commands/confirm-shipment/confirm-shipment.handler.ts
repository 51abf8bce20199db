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

  private async confirm(command: ConfirmShipmentCommand, again: boolean): Promise<PackageResponse> {
    const { orderId, request, scope } = command;
    const carrier = this.catalog.require(request.carrierCode, 'carrierCode');
    const number = normaliseTrackingNumber(request.trackingNumber);
    const lines = request.lines?.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) ?? null;
    const order = await this.queries.execute(new GetOrderSummaryQuery(orderId, scope.storeIds()));
    if (!order) throw new OrderNotFound();
    if (!order.awaitingShipment) {
      // A retry after the order shipped in full still gets its first answer.
      const earlier = await this.packages.findUnderNumber(this.uow.reader(), orderId, carrier.code, number);
      if (earlier) return this.answerRetry(earlier, lines, scope);
      throw new OrderNotShippable(order.status);
    }
    if (await this.closedSellers.isClosed(this.uow.direct, order.sellerId))
      throw new SellerAccountClosed(order.sellerId);
    let pkg: Package | null;
    try {
      const tracking = TrackingNumber.of(carrier, request.trackingNumber, 'trackingNumber');
      pkg = await this.uow.run(async (tx) => {
        // FUL-2's "not on another buyer's order" and "once per order and carrier" are the table's
        // constraints, checked inside the insert (PackageRepository.refusalOf maps them).
        const requested = Package.request(
          { orderId, storeId: order.storeId, buyerId: order.buyerId, trackingNumber: tracking, lines },
          this.clock.now(),
          this.policy,
        );
        tx.save(requested);
        return requested;
      });
    } catch (thrown) {
      const error = this.packages.refusalOf(thrown, 'trackingNumber');
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
    const earlier = await this.packages.findUnderNumber(this.uow.reader(), orderId, carrier.code, number);
    if (earlier) return this.answerRetry(earlier, lines, scope);
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
