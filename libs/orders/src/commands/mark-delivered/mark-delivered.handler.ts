import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog, UnitOfWork } from '@tradehub/platform';
import { MarkOrderDeliveredCommand } from '../../contract';
import { OrderRepository } from '../../database/order.repository';

/** FUL-7 on the order side: delivered, proceeds now frozen and under settlement (FUND_PROCESSING). */
@CommandHandler(MarkOrderDeliveredCommand)
export class MarkOrderDeliveredHandler implements ICommandHandler<MarkOrderDeliveredCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute({ orderId, deliveredAt }: MarkOrderDeliveredCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      if (!order || order.snapshot.deliveredAt) return;
      order.markDelivered(deliveredAt);
      await this.orders.update(tx, order);
      await this.audit.record(tx, {
        action: 'order.delivered',
        subjectType: 'order',
        subjectId: order.id,
        storeId: order.storeId,
        changes: { status: order.snapshot.status },
      });
    });
  }
}
