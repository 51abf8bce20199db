import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderRepository } from '../../database/order.repository';
import type { FundStatus } from '../../domain/order-state';

/** ORD-7: Settlement moved the order's money (its fund-status-changed event). */
export class RecordFundStatusCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly fundStatus: FundStatus,
  ) {
    super();
  }
}

@CommandHandler(RecordFundStatusCommand)
export class RecordFundStatusHandler implements ICommandHandler<RecordFundStatusCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, fundStatus }: RecordFundStatusCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      order?.recordFundStatus(fundStatus, this.clock.now());
    });
  }
}
