import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { type StoreScope, UnitOfWork } from '@tradehub/platform';
import { StoreDirectory } from '../../../directory';
import { SellerAccountRepository } from '../../database';
import { type AppealInput, penaltyCaseNotFound } from '../../domain';
import { PENALTY_POLICY, type PenaltyPolicy } from '../../penalties.config';
import { type SellerPenaltiesResponse, sellerPenaltiesView } from '../../views/seller-penalties.response';

/** CMP-4: an operator decides a seller's appeal of a case (store-scoped, like every operator call). */
export class AppealPenaltyCaseCommand extends Command<SellerPenaltiesResponse> {
  constructor(
    readonly caseId: string,
    readonly decision: AppealInput,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

/** CMP-4, CMP-6: the decision, and a reversal's reopening, are the account's change, audited with it. */
@CommandHandler(AppealPenaltyCaseCommand)
export class AppealPenaltyCaseHandler implements ICommandHandler<AppealPenaltyCaseCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: SellerAccountRepository,
    private readonly directory: StoreDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PENALTY_POLICY) private readonly policy: PenaltyPolicy,
  ) {}

  execute({ caseId, decision, scope }: AppealPenaltyCaseCommand): Promise<SellerPenaltiesResponse> {
    return this.uow.run(async (tx) => {
      const sellerId = await this.accounts.sellerOfCase(tx, caseId);
      if (!sellerId) throw penaltyCaseNotFound();
      await this.accounts.lock(tx, sellerId);
      const account = await this.accounts.find(tx, sellerId);
      // API-2: an operator limited to some stores decides only their cases.
      scope.reveal(account?.caseOf(caseId) ?? null, (c) => c.storeId, penaltyCaseNotFound);
      const stores = await this.directory.storesOf(tx, sellerId);
      account!.appeal(caseId, decision, this.clock.now(), this.policy, stores);
      return sellerPenaltiesView(
        { sellerId, storeIds: stores.filter((s) => scope.allows(s)), account },
        scope,
        this.policy,
      );
    });
  }
}
