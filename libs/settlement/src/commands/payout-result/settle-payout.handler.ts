import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFoundError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { LedgerRepository } from '../../database/ledger.repository';
import { Withdrawal } from '../../domain';
import { SettlePayoutCommand } from '../withdraw/withdraw.command';

/** SET-4: a completed payout leaves the in-transit account; a failed one is reversed to available. */
@CommandHandler(SettlePayoutCommand)
export class SettlePayoutHandler implements ICommandHandler<SettlePayoutCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledger: LedgerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ withdrawalId, outcome, reason }: SettlePayoutCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const withdrawal = await tx.findById(Withdrawal, withdrawalId, true);
      if (!withdrawal) throw new NotFoundError('WITHDRAWAL_NOT_FOUND', `no withdrawal ${withdrawalId}`);
      const now = this.clock.now();
      // A late or contradicting result for a settled withdrawal changes nothing, but is kept.
      if (withdrawal.status !== 'REQUESTED') {
        tx.audit({
          action: 'settlement.payout-result-ignored',
          subjectType: 'withdrawal',
          subjectId: withdrawalId,
          storeId: withdrawal.storeId,
          changes: { status: withdrawal.status, result: outcome, reason },
        });
        return;
      }
      if (outcome === 'COMPLETED') {
        const draft = withdrawal.complete(now);
        if (draft) await this.ledger.post(tx, [draft]);
      } else {
        await this.ledger.post(tx, withdrawal.fail(reason ?? 'no reason given', now));
      }
    });
  }
}
