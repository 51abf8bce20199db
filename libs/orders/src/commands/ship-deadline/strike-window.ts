import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { type TimerHandler, Timers, type Tx, UnitOfWork } from '@tradehub/platform';
import { OrderEvents, type RiskFlagClearedV1, ORDERS_CONTEXT } from '../../contract';
import { OrderRepository } from '../../database/order.repository';
import { STRIKE_WINDOW_TIMER, strikesFallBelowAt, strikeWindowStart } from '../../domain/late-strike.policy';
import { ORDERS_CONFIG, type OrdersConfig } from '../../orders.config';

/**
 * ORD-4, CMP-5: the store's LATE_SHIPMENT_STRIKES flag stands while its strikes in the window reach
 * the threshold. Armed (or moved) with each strike at or past the threshold, for the instant enough
 * of them leave the window; then it either ends the flag or waits for the next one to leave. A due
 * instant already past (a deadline fired late) ends the flag at once.
 */
export async function armStrikeWindow(
  tx: Tx,
  orders: OrderRepository,
  timers: Timers,
  storeId: string,
  windowEnd: Date,
  config: OrdersConfig,
): Promise<void> {
  // The strikes of the window that raised the flag (ending at the strike) or that holds it now.
  const strikes = (await orders.strikesSince(tx, storeId, strikeWindowStart(windowEnd, config))).filter(
    (s) => s.struckAt <= windowEnd,
  );
  const dueAt = strikesFallBelowAt(
    strikes.map((s) => s.struckAt),
    config,
  );
  if (dueAt)
    await timers.schedule(tx, {
      kind: STRIKE_WINDOW_TIMER,
      subject: `store:${storeId}`,
      dueAt,
      payload: { storeId },
    });
}

export class ReviewStrikeWindowCommand extends Command<void> {
  constructor(readonly storeId: string) {
    super();
  }
}

@CommandHandler(ReviewStrikeWindowCommand)
export class ReviewStrikeWindowHandler implements ICommandHandler<ReviewStrikeWindowCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly timers: Timers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ storeId }: ReviewStrikeWindowCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.orders.lockStrikes(tx, storeId);
      const now = this.clock.now();
      const strikes = await this.orders.strikesSince(tx, storeId, strikeWindowStart(now, this.config));
      if (strikes.length >= this.config.lateStrikeThreshold) {
        await armStrikeWindow(tx, this.orders, this.timers, storeId, now, this.config);
        return;
      }
      const payload: RiskFlagClearedV1 = {
        code: 'LATE_SHIPMENT_STRIKES',
        storeId,
        orderId: null,
        reason: `${strikes.length} late-shipment strikes in ${this.config.lateStrikeWindowDays} days, under ${this.config.lateStrikeThreshold}`,
      };
      // Keyed like the raise: by an order of the store's, its newest strike's.
      const newest = await this.orders.newestStrike(tx, storeId);
      tx.publish(
        [
          {
            type: OrderEvents.RiskFlagCleared,
            schemaVersion: 1,
            context: ORDERS_CONTEXT,
            aggregateType: 'order',
            aggregateId: newest ?? storeId,
            occurredAt: now,
            payload,
          },
        ],
        {
          action: 'orders.late-strikes-flag-cleared',
          subjectType: 'store-strikes',
          subjectId: storeId,
          storeId,
          changes: { strikesInWindow: strikes.length },
        },
      );
    });
  }
}

export function strikeWindowTimerHandler(commands: CommandBus, database: UnitOfWork): TimerHandler {
  return {
    kind: STRIKE_WINDOW_TIMER,
    database,
    fire: (t) => commands.execute(new ReviewStrikeWindowCommand(String(t.payload.storeId))),
  };
}
