import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CLOCK,
  type Clock,
  isCurrency,
  NotFoundError,
  RuleViolation,
  ValidationError,
} from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { FxRepository } from '../../database/fx.repository';
import { FxQuote, PAYOUT_CONVERSION_CURRENCY, parseRate } from '../../domain';
import { SETTLEMENT_POLICY, type SettlementPolicy } from '../../settlement.config';
import { QuoteFxCommand, RecordFxRateCommand } from './fx.commands';

function currency(code: string, field: string): string {
  if (!isCurrency(code)) throw new ValidationError(`unknown ISO 4217 currency '${code}'`, field);
  return code;
}

@CommandHandler(RecordFxRateCommand)
export class RecordFxRateHandler implements ICommandHandler<RecordFxRateCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly fx: FxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: RecordFxRateCommand): Promise<{ recorded: boolean }> {
    const from = currency(c.from, 'from');
    const to = currency(c.to, 'to');
    if (to !== PAYOUT_CONVERSION_CURRENCY)
      throw new ValidationError(`withdrawals convert to ${PAYOUT_CONVERSION_CURRENCY} only`, 'to');
    if (from === to) throw new ValidationError('a rate converts between two currencies', 'from');
    parseRate(c.rate);
    const rate = { from, to, rate: c.rate, asOf: c.asOf, source: c.source };
    return { recorded: await this.uow.run((tx) => this.fx.recordRate(tx, rate, this.clock.now())) };
  }
}

@CommandHandler(QuoteFxCommand)
export class QuoteFxHandler implements ICommandHandler<QuoteFxCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly fx: FxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTLEMENT_POLICY) private readonly policy: SettlementPolicy,
  ) {}

  async execute({ storeId, from, scope }: QuoteFxCommand): Promise<FxQuote> {
    if (!scope.allows(storeId)) throw new NotFoundError('STORE_NOT_FOUND', `no store ${storeId}`);
    currency(from, 'from');
    const now = this.clock.now();
    const to = PAYOUT_CONVERSION_CURRENCY;
    if (from === to) throw new ValidationError(`${to} is paid out without conversion`, 'from');
    return this.uow.run(async (tx) => {
      const rate = await this.fx.latestRate(tx, from, to, now);
      if (!rate)
        throw new RuleViolation('NO_FX_RATE', `the treasury has not published a ${from}/${to} rate`, 'from');
      const quote = FxQuote.issue(storeId, from, to, rate, now, this.policy.quoteTtlSeconds);
      tx.save(quote);
      return quote;
    });
  }
}
