import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { StoreScope, Timers, UnitOfWork } from '@tradehub/platform';
import { RecordShipmentCommand, RecordShipmentResult } from '../../contract';
import { OrderRepository } from '../../database/order.repository';
import { orderNotFound } from '../../domain/order.errors';
import { orderSubject } from '../ship-deadline/ship-deadline.timers';

/** FUL-2 on the order side: lines shipped; a fully shipped order no longer waits for its ship-by timers. */
@CommandHandler(RecordShipmentCommand)
export class RecordShipmentHandler implements ICommandHandler<RecordShipmentCommand, RecordShipmentResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly timers: Timers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, grant, lines }: RecordShipmentCommand): Promise<RecordShipmentResult> {
    return this.uow.run(async (tx) => {
      const scope = grant === null ? StoreScope.all() : StoreScope.ofStores(grant);
      const order = scope.reveal(
        await this.orders.findById(tx, orderId, true),
        (o) => o.storeId,
        orderNotFound,
      );
      const now = this.clock.now();
      const { fullyShipped, covered } = order.recordShipment(lines, now);
      await this.orders.update(tx, order);
      if (fullyShipped) await this.timers.cancelAll(tx, orderSubject(order.id), now);
      const s = order.snapshot;
      return {
        orderId: s.id,
        storeId: s.storeId,
        buyerId: s.buyerId,
        status: s.status,
        fullyShipped,
        lines: covered,
      };
    });
  }
}
