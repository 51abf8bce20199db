import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { Inject } from '@nestjs/common';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { StoreRatingsRepository } from '../../database/store-ratings.repository';
import { StoreRatingsReader } from '../../ratings/store-ratings.reader';

/** ORD-4 -> REV-5: a late-shipment strike of the store for one order, dated at the missed deadline. */
export class RecordStrikeCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly storeId: string,
    readonly at: Date,
  ) {
    super();
  }
}

/** REV-5: the strike is kept once per order; the store's shipping-speed DSR is published again. */
@CommandHandler(RecordStrikeCommand)
export class RecordStrikeHandler implements ICommandHandler<RecordStrikeCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ratings: StoreRatingsRepository,
    private readonly reader: StoreRatingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, storeId, at }: RecordStrikeCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.ratings.lockStore(tx, storeId);
      if (!(await this.ratings.recordStrike(tx, orderId, storeId, at))) return;
      const now = this.clock.now();
      tx.publish(await this.reader.changed(tx, StoreScope.all(), storeId, now, 'SHIPPING_SPEED'), {
        action: 'reviews.strike-recorded',
        subjectType: 'store-ratings',
        subjectId: storeId,
        storeId,
        changes: { orderId, struckAt: at.toISOString() },
      });
    });
  }
}
