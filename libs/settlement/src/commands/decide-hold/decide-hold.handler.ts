import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFoundError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { LedgerRepository } from '../../database/ledger.repository';
import { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { DecideHoldCommand } from './decide-hold.command';

/** SET-3: release (at once after day 7) or keep holding, with the reason audited. */
@CommandHandler(DecideHoldCommand)
export class DecideHoldHandler implements ICommandHandler<DecideHoldCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, decision, reason, decidedBy }: DecideHoldCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.find(tx, orderId);
      if (!order) throw new NotFoundError('SETTLEMENT_NOT_FOUND', `order ${orderId} is not in settlement`);
      const draft = order.decide(decision, reason, decidedBy, this.clock.now());
      if (draft) await this.ledger.post(tx, [draft]);
    });
  }
}
