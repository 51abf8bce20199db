import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { MarkOrderDeliveredCommand } from '../../contract';
import { OrderRepository } from '../../database/order.repository';

/**
 * FUL-7 on the order side: delivered, proceeds now frozen and under settlement (FUND_PROCESSING;
 * an order with an open issue records the delivery and stays IN_ISSUE, DSP-4).
 * Sent by Fulfillment right after the delivery commits, and again by the order-delivered event
 * (the durable path); the second finds it done.
 */
@CommandHandler(MarkOrderDeliveredCommand)
export class MarkOrderDeliveredHandler implements ICommandHandler<MarkOrderDeliveredCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, deliveredAt }: MarkOrderDeliveredCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      order?.markDelivered(new Date(deliveredAt), this.clock.now());
    });
  }
}
