import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderRepository } from '../../database/order.repository';
import { OrderNotFound } from '../../domain/order.errors';
import { CancelOrderCommand } from './cancel-order.command';

/** ORD-5: cancel before shipment; the order's pending deadlines are released with it (the save path). */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, request, scope }: CancelOrderCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = scope.reveal(
        await this.orders.findById(tx, orderId, true),
        (o) => o.storeId,
        () => new OrderNotFound(),
      );
      order.cancel({
        initiator: request.initiator,
        reason: request.reason,
        note: request.note ?? null,
        at: this.clock.now(),
      });
    });
  }
}
