import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig, AuditLog, UnitOfWork } from '@tradehub/platform';
import { LateShipmentStrikeRecordedV1, OrderEvents } from '../../contract';
import { strikeWindowStart, thresholdReached } from '../../domain/late-strike.policy';
import { OrderRepository } from '../../database/order.repository';
import { MissShipDeadlineCommand, WarnShipDeadlineCommand } from './ship-deadline.commands';

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
      if (!order) return;
      order.warnShipDeadline(this.clock.now());
      await this.orders.update(tx, order);
    });
  }
}

/** ORD-2 and ORD-4: flag the order late, record the store's strike, and report the threshold strike. */
@CommandHandler(MissShipDeadlineCommand)
export class MissShipDeadlineHandler implements ICommandHandler<MissShipDeadlineCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ orderId }: MissShipDeadlineCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      if (!order) return;
      const now = this.clock.now();
      if (!order.missShipDeadline(now)) return;
      // The strike belongs to the missed deadline, not to whenever a worker got to it.
      const struckAt = order.snapshot.shipBy;
      const strikes = await this.orders.recordStrike(
        tx,
        order,
        struckAt,
        strikeWindowStart(struckAt, this.config.orders),
      );
      if (strikes !== null) {
        const reached = thresholdReached(strikes, this.config.orders);
        order.raise<LateShipmentStrikeRecordedV1>(OrderEvents.LateShipmentStrikeRecorded, now, {
          orderId: order.id,
          storeId: order.storeId,
          strikesInWindow: strikes,
          windowDays: this.config.orders.lateStrikeWindowDays,
          thresholdReached: reached,
        });
        if (reached) {
          order.raiseRisk(
            now,
            'LATE_SHIPMENT_STRIKES',
            'high',
            `${strikes} late-shipment strikes in ${this.config.orders.lateStrikeWindowDays} days`,
            null,
          );
        }
      }
      await this.orders.update(tx, order);
      await this.audit.record(tx, {
        action: 'order.ship-deadline-missed',
        subjectType: 'order',
        subjectId: order.id,
        storeId: order.storeId,
        changes: { lateShipment: true, strikes },
      });
    });
  }
}
