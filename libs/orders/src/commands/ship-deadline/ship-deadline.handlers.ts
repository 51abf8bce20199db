import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { Timers, UnitOfWork } from '@tradehub/platform';
import { strikeWindowStart, thresholdReached } from '../../domain/late-strike.policy';
import { OrderRepository } from '../../database/order.repository';
import { ORDERS_CONFIG, type OrdersConfig } from '../../orders.config';
import { MissShipDeadlineCommand, WarnShipDeadlineCommand } from './ship-deadline.commands';
import { armStrikeWindow } from './strike-window';

/** ORD-2: the warning window before the ship-by deadline opened. */
@CommandHandler(WarnShipDeadlineCommand)
export class WarnShipDeadlineHandler implements ICommandHandler<WarnShipDeadlineCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId }: WarnShipDeadlineCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      order?.warnShipDeadline(this.clock.now());
    });
  }
}

/** ORD-2 and ORD-4: flag the order late, record the store's strike, and report the threshold strike. */
@CommandHandler(MissShipDeadlineCommand)
export class MissShipDeadlineHandler implements ICommandHandler<MissShipDeadlineCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly timers: Timers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ orderId }: MissShipDeadlineCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      const now = this.clock.now();
      if (!order || !order.missShipDeadline(now)) return;
      // The strike belongs to the missed deadline, not to whenever a worker got to it.
      const struckAt = order.shipBy;
      const strikes = await this.orders.recordStrike(
        tx,
        order,
        struckAt,
        strikeWindowStart(struckAt, this.config),
      );
      if (strikes === null) return;
      const reached = thresholdReached(strikes, this.config);
      order.recordLateStrike(strikes, this.config.lateStrikeWindowDays, reached, now);
      // CMP-5: the flag this raises ends when enough strikes leave the window.
      if (reached) await armStrikeWindow(tx, this.orders, this.timers, order.storeId, struckAt, this.config);
    });
  }
}
