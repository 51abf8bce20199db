import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, Money, NotFoundError, RuleViolation } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { FxRepository } from '../../database/fx.repository';
import { accountKey, LedgerRepository } from '../../database/ledger.repository';
import { Withdrawal } from '../../domain';
import { RequestWithdrawalCommand } from './withdraw.command';

/** A UUID-shaped digest: the same store, caller and key always name the same withdrawal. */
export function withdrawalId(storeId: string, requestedBy: string, key: string): string {
  const h = createHash('sha256')
    .update(`withdrawal\u0000${storeId}\u0000${requestedBy}\u0000${key}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A retry answers the first withdrawal; the same key with another request is refused, as API-3 does. */
function sameRequest(first: Withdrawal, amount: Money, quoteId: string | null): Withdrawal {
  if (first.amountMinor !== amount.minor || first.currency !== amount.currency || first.quoteId !== quoteId)
    throw new RuleViolation(
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was used for another withdrawal',
      'idempotency-key',
    );
  return first;
}

/**
 * SET-4: the available balance is locked, checked and debited in one transaction with the
 * withdrawal and its payout-requested event; a retry with the same key answers the first.
 */
@CommandHandler(RequestWithdrawalCommand)
export class RequestWithdrawalHandler implements ICommandHandler<RequestWithdrawalCommand, Withdrawal> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledger: LedgerRepository,
    private readonly fx: FxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: RequestWithdrawalCommand): Promise<Withdrawal> {
    if (!c.scope.allows(c.storeId)) throw new NotFoundError('STORE_NOT_FOUND', `no store ${c.storeId}`);
    const amount = Money.parse(c.amountMinor, c.currency, 'amount');
    const id = withdrawalId(c.storeId, c.requestedBy, c.idempotencyKey);
    return this.uow.run(async (tx) => {
      const first = await tx.findById(Withdrawal, id);
      if (first) return sameRequest(first, amount, c.quoteId);
      const now = this.clock.now();
      // The store's accounts of this payout, locked together in id order before the balance is read.
      const accounts = await this.ledger.lock(tx, [
        { storeId: c.storeId, currency: amount.currency, kind: 'AVAILABLE' },
        { storeId: c.storeId, currency: c.quoteId ? 'CNY' : amount.currency, kind: 'PAYOUT_IN_TRANSIT' },
      ]);
      const available = BigInt(
        accounts.get(accountKey({ storeId: c.storeId, currency: amount.currency, kind: 'AVAILABLE' }))!
          .balance,
      );
      let conversion = null;
      if (c.quoteId !== null) {
        const quote = await this.fx.findQuote(tx, c.quoteId);
        if (!quote) throw new NotFoundError('QUOTE_NOT_FOUND', 'no such quote for this store');
        conversion = { quoteId: quote.id, rate: quote.useFor(id, c.storeId, amount.currency, now) };
      }
      const { withdrawal, drafts } = Withdrawal.request(
        id,
        { storeId: c.storeId, amount, requestedBy: c.requestedBy, conversion },
        available,
        now,
      );
      tx.save(withdrawal);
      await this.ledger.post(tx, drafts, accounts);
      return withdrawal;
    });
  }
}
