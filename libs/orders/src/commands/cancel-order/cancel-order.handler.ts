import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { AuditLog, Timers, UnitOfWork } from '@tradehub/platform';
import { OrderRepository } from '../../database/order.repository';
import { orderNotFound } from '../../domain/order.errors';
import { orderSubject } from '../ship-deadline/ship-deadline.timers';
import { CancelOrderCommand } from './cancel-order.command';

/** ORD-5: cancel before shipment; the order's pending deadlines are released with it. */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly timers: Timers,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, request, scope }: CancelOrderCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = scope.reveal(
        await this.orders.findById(tx, orderId, true),
        (o) => o.storeId,
        orderNotFound,
      );
      const now = this.clock.now();
      const cancelled = order.cancel({
        initiator: request.initiator,
        reason: request.reason,
        note: request.note ?? null,
        at: now,
      });
      if (!cancelled) return;
      await this.orders.update(tx, order);
      await this.timers.cancelAll(tx, orderSubject(order.id), now);
      await this.audit.record(tx, {
        action: 'order.cancelled',
        subjectType: 'order',
        subjectId: order.id,
        storeId: order.storeId,
        changes: { status: 'FINISH', initiator: request.initiator, reason: request.reason },
      });
    });
  }
}
