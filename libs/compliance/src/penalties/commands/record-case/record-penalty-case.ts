import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { GetOrderSummaryQuery } from '@tradehub/orders/contract';
import { type Sql, UnitOfWork } from '@tradehub/platform';
import { StoreDirectory } from '../../../directory';
import { SellerAccountRepository } from '../../database';
import { type ConfirmedFakeShipment, SellerAccount, StoreOwnerNotKnownYet } from '../../domain';
import { PENALTY_POLICY, type PenaltyPolicy } from '../../penalties.config';

/** FUL-6 -> CMP-4: a fake shipment a reviewer confirmed, as Fulfillment reported it. */
export class RecordPenaltyCaseCommand extends Command<void> {
  constructor(readonly confirmed: ConfirmedFakeShipment) {
    super();
  }
}

/**
 * CMP-4: the case goes on the account of the store's seller (from the store directory, or from
 * Orders when the directory has not heard of the store yet), once per
 * task and package; the second counted case closes the account. The account's state, its events
 * and the audit record leave through the save path in one transaction.
 */
@CommandHandler(RecordPenaltyCaseCommand)
export class RecordPenaltyCaseHandler implements ICommandHandler<RecordPenaltyCaseCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: SellerAccountRepository,
    private readonly directory: StoreDirectory,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PENALTY_POLICY) private readonly policy: PenaltyPolicy,
  ) {}

  async execute({ confirmed }: RecordPenaltyCaseCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const sellerId = await this.sellerOf(tx, confirmed);
      await this.accounts.lock(tx, sellerId);
      const now = this.clock.now();
      const existing = await this.accounts.find(tx, sellerId);
      const account = existing ?? SellerAccount.open(sellerId, now);
      const stores = [
        ...new Set([...(await this.directory.storesOf(tx, sellerId)), confirmed.storeId]),
      ].sort();
      const recorded = account.recordCase(confirmed, now, this.policy, stores);
      if (recorded && !existing) tx.save(account);
    });
  }

  /** The seller of the case's store; a retry can only help while Orders cannot answer either. */
  private async sellerOf(tx: Sql, confirmed: ConfirmedFakeShipment): Promise<string> {
    const owner = await this.directory.owner(tx, confirmed.storeId);
    if (owner) return owner.sellerId;
    const order = await this.queries.execute(new GetOrderSummaryQuery(confirmed.orderId, null));
    if (order && order.storeId === confirmed.storeId) return order.sellerId;
    throw new StoreOwnerNotKnownYet(confirmed.storeId);
  }
}
