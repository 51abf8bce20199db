import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock, DomainError } from '@tradehub/kernel';
import {
  type EventHandler,
  type IncomingEvent,
  type TimerHandler,
  Timers,
  type Tx,
  UnitOfWork,
} from '@tradehub/platform';
import { ComplianceEvents, type SellerAccountStatusChangedV1 } from '../../contract/events';
import { StoreDirectory } from '../../directory';
import { RollupRepository } from '../database/rollup.repository';
import { FactsRecorder, STANDING_REFRESH_TIMER } from './facts-recorder';
import { StandingRefresher } from './refresh-standing';

const UNAVAILABLE_RETRY_MS = 60_000;

/** The refresh timer: the store's standing now, then again at every UTC midnight while its window holds anything. */
export function standingRefreshTimer(
  refresher: StandingRefresher,
  timers: Timers,
  database: UnitOfWork,
  clock: Clock,
): TimerHandler {
  return {
    kind: STANDING_REFRESH_TIMER,
    database,
    async fire(timer, tx): Promise<void> {
      const storeId = String(timer.payload.storeId);
      const again = (dueAt: Date) =>
        timers.schedule(tx, {
          kind: STANDING_REFRESH_TIMER,
          subject: timer.subject,
          dueAt,
          payload: { storeId },
        });
      let next: Date | null;
      try {
        next = await refresher.refresh(tx, storeId);
      } catch (error) {
        // Reviews or Settlement in another process not answering: what was written stands (facts); try
        // again soon rather than let the timer fail and the store's daily refresh stop.
        if (!(error instanceof DomainError && error.kind === 'unavailable')) throw error;
        await again(new Date(clock.now().getTime() + UNAVAILABLE_RETRY_MS));
        return;
      }
      if (next) await again(next);
    },
  };
}

/** CMP-4 -> CMP-3: a seller account closed or reopened changes its stores' campaign gate. */
export function accountStatusReaction(
  topic: string,
  database: UnitOfWork,
  facts: FactsRecorder,
  directory: StoreDirectory,
  clock: Clock,
): EventHandler {
  return {
    consumer: 'compliance.standing-account-status',
    topic,
    database,
    types: [ComplianceEvents.SellerAccountStatusChanged],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const data = event.data as unknown as SellerAccountStatusChangedV1;
      const stores = new Set([...data.storeIds, ...(await directory.storesOf(tx, data.sellerId))]);
      for (const storeId of stores) await facts.refresh(tx, storeId, clock.now());
    },
  };
}

/** ANA-1: the roll-ups of one store (or all) recomputed from the facts kept per order and review. */
export class RebuildRollupsCommand extends Command<{ stores: number }> {
  constructor(
    readonly storeId: string | null,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(RebuildRollupsCommand)
export class RebuildRollupsHandler implements ICommandHandler<RebuildRollupsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rollups: RollupRepository,
    private readonly directory: StoreDirectory,
    private readonly facts: FactsRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ storeId, by }: RebuildRollupsCommand): Promise<{ stores: number }> {
    return this.uow.run(async (tx) => {
      await this.rollups.rebuild(tx, storeId === null ? null : [storeId]);
      const stores = storeId === null ? await this.directory.allStores(tx) : [storeId];
      const now = this.clock.now();
      for (const s of stores) await this.facts.refresh(tx, s, now);
      tx.audit({
        action: 'compliance.rollups-rebuilt',
        subjectType: 'store-rollups',
        subjectId: storeId ?? '*',
        storeId,
        changes: { by, stores: stores.length },
      });
      return { stores: stores.length };
    });
  }
}
