import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { ReviewTendencyScorer, type TendencyChange, type TrackedOrder } from './review-tendency.scorer';

/** ORD-1 -> REV-6: a paid order entered; its negative-review tendency is tracked from now on. */
export class TrackOrderTendencyCommand extends Command<void> {
  constructor(readonly order: TrackedOrder) {
    super();
  }
}

/** REV-6: one of an order's signals changed (late shipment, stalled logistics, an open issue, closed). */
export class RecordTendencySignalCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly change: TendencyChange,
  ) {
    super();
  }
}

@CommandHandler(TrackOrderTendencyCommand)
export class TrackOrderTendencyHandler implements ICommandHandler<TrackOrderTendencyCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly scorer: ReviewTendencyScorer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ order }: TrackOrderTendencyCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.scorer.track(tx, order, this.clock.now());
    });
  }
}

@CommandHandler(RecordTendencySignalCommand)
export class RecordTendencySignalHandler implements ICommandHandler<RecordTendencySignalCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly scorer: ReviewTendencyScorer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, change }: RecordTendencySignalCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.scorer.change(tx, orderId, change, this.clock.now());
    });
  }
}
