import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { GetOrderRiskFactsQuery } from '@tradehub/orders/contract';
import { UnitOfWork } from '@tradehub/platform';
import { DisputeRateCounter } from './dispute-rate.counter';
import { DisputeRiskScorer, type RiskChange } from './dispute-risk.scorer';

/** ORD-1 -> DSP-5, DSP-6: a paid order entered; it is scored and counted in its store's day. */
export class ScoreNewOrderCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}

/** DSP-5: one of an order's signals changed (late shipment, stalled logistics, closed). */
export class RecordRiskSignalCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly change: RiskChange,
  ) {
    super();
  }
}

@CommandHandler(ScoreNewOrderCommand)
export class ScoreNewOrderHandler implements ICommandHandler<ScoreNewOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly scorer: DisputeRiskScorer,
    private readonly rates: DisputeRateCounter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId }: ScoreNewOrderCommand): Promise<void> {
    const facts = await this.queries.execute(new GetOrderRiskFactsQuery(orderId));
    if (!facts) return;
    await this.uow.run(async (tx) => {
      // The placement is counted once: the inbox keeps a redelivery out, and the score's insert too.
      if (await this.scorer.scoreNew(tx, facts, this.clock.now()))
        await this.rates.countOrder(tx, facts.storeId, new Date(facts.paidAt));
    });
  }
}

@CommandHandler(RecordRiskSignalCommand)
export class RecordRiskSignalHandler implements ICommandHandler<RecordRiskSignalCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly scorer: DisputeRiskScorer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, change }: RecordRiskSignalCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.scorer.change(tx, orderId, change, this.clock.now());
    });
  }
}
