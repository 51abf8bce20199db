import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { LedgerRepository } from '../../database/ledger.repository';
import { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { SETTLEMENT_POLICY, type SettlementPolicy } from '../../settlement.config';
import { FreezeProceedsCommand } from './freeze-proceeds.command';
import { followOrder } from './follow-order';

/** SET-1: the proceeds frozen at the delivery instant, the day-5 review and day-7 release scheduled. */
@CommandHandler(FreezeProceedsCommand)
export class FreezeProceedsHandler implements ICommandHandler<FreezeProceedsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly orders: SettlementOrderRepository,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTLEMENT_POLICY) private readonly policy: SettlementPolicy,
  ) {}

  async execute({ orderId, deliveredAt }: FreezeProceedsCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await followOrder(tx, this.orders, this.queries, orderId, this.policy.commissionBps);
      const draft = order.freeze(deliveredAt, this.clock.now(), this.policy);
      if (draft) await this.ledger.post(tx, [draft]);
    });
  }
}
