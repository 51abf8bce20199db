import { Inject } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock, Money, ValidationError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PostRefundCommand, type PostRefundResult } from '../../contract';
import { LedgerRepository } from '../../database/ledger.repository';
import { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE } from '../../domain';
import { SETTLEMENT_POLICY, type SettlementPolicy } from '../../settlement.config';
import { followOrder } from '../freeze-proceeds/follow-order';

/** SET-5: the refund out of frozen or available funds, posted once per refund id. */
@CommandHandler(PostRefundCommand)
export class PostRefundHandler implements ICommandHandler<PostRefundCommand, PostRefundResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly orders: SettlementOrderRepository,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTLEMENT_POLICY) private readonly policy: SettlementPolicy,
  ) {}

  async execute({ refundId, orderId, amountMinor, currency }: PostRefundCommand): Promise<PostRefundResult> {
    if (!EXTERNAL_ID.test(refundId)) throw new ValidationError(EXTERNAL_ID_MESSAGE, 'refundId');
    const amount = Money.parse(amountMinor, currency, 'amount');
    try {
      return await this.post(refundId, orderId, amount);
    } catch (error) {
      // Another transaction started following the same order at the same moment (its delivery, or
      // another first refund): once it committed, this one finds the order and goes on.
      if (error instanceof UniqueConstraintViolationException && !this.uow.inTransaction())
        return this.post(refundId, orderId, amount);
      throw error;
    }
  }

  private post(refundId: string, orderId: string, amount: Money): Promise<PostRefundResult> {
    return this.uow.run(async (tx) => {
      const order = await followOrder(tx, this.orders, this.queries, orderId, this.policy.commissionBps);
      const { record, draft } = order.refund(refundId, amount, this.clock.now());
      if (draft) await this.ledger.post(tx, [draft]);
      return { refundId, orderId, entryId: record.entryId, takenFrom: record.takenFrom };
    });
  }
}
