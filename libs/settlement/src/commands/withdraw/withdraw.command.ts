import { Command } from '@nestjs/cqrs';
import type { StoreScope } from '@tradehub/platform';
import type { Withdrawal } from '../../domain';

/** SET-4: take `amountMinor` of `currency` from the store's available balance to its bank. */
export class RequestWithdrawalCommand extends Command<Withdrawal> {
  constructor(
    readonly storeId: string,
    readonly currency: string,
    readonly amountMinor: string,
    /** Convert to CNY at this quote; null pays out in the original currency. */
    readonly quoteId: string | null,
    /** The caller's Idempotency-Key: the withdrawal's id derives from it, so a retry finds the first. */
    readonly idempotencyKey: string,
    readonly requestedBy: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

/** SET-4: the payments team's answer for one withdrawal. */
export class SettlePayoutCommand extends Command<void> {
  constructor(
    readonly withdrawalId: string,
    readonly outcome: 'COMPLETED' | 'FAILED',
    readonly reason: string | null,
  ) {
    super();
  }
}
