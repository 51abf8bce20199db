import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { LedgerRepository } from '../../database/ledger.repository';
import { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { ReleaseFundsCommand, StartReviewCommand } from './review.commands';

/** SET-2: the automatic checks run; the money is held with its reasons, or the release stays scheduled. */
@CommandHandler(StartReviewCommand)
export class StartReviewHandler implements ICommandHandler<StartReviewCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId }: StartReviewCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.find(tx, orderId);
      order?.startReview(this.clock.now(), await this.orders.signals(tx, orderId));
    });
  }
}

/** SET-3: a passed review's proceeds move from frozen to available. */
@CommandHandler(ReleaseFundsCommand)
export class ReleaseFundsHandler implements ICommandHandler<ReleaseFundsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId }: ReleaseFundsCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.find(tx, orderId);
      const draft = order?.releaseWhenDue(this.clock.now(), await this.orders.signals(tx, orderId));
      if (draft) await this.ledger.post(tx, [draft]);
    });
  }
}
