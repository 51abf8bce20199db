import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { ApplyShipmentCommand, ApplyShipmentResult } from '../../contract';
import { OrderRepository } from '../../database/order.repository';
import { OrderNotFound } from '../../domain/order.errors';
import { toOrderSummary } from '../../queries/order-summary/order-summary.handler';

/**
 * FUL-2 on the order side, called by Fulfillment between its own transactions (in-process, or
 * through Kafka when the contexts run apart): the package's lines are recorded shipped in the
 * order's transaction, which also serialises a shipment against a cancellation of the same order.
 */
@CommandHandler(ApplyShipmentCommand)
export class ApplyShipmentHandler implements ICommandHandler<ApplyShipmentCommand, ApplyShipmentResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, packageId, lines, stores }: ApplyShipmentCommand): Promise<ApplyShipmentResult> {
    return this.uow.run(async (tx) => {
      const scope = stores === null ? StoreScope.all() : StoreScope.ofStores(stores);
      const order = scope.reveal(
        await this.orders.findById(tx, orderId, true),
        (o) => o.storeId,
        () => new OrderNotFound(),
      );
      const recorded = order.applyShipment(packageId, lines, this.clock.now());
      return { ...toOrderSummary(order), ...recorded };
    });
  }
}
