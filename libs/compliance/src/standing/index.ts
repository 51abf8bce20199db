import type { Provider, Type } from '@nestjs/common';
import { CLOCK, type Clock } from '@tradehub/kernel';
import type { ComplianceWiring } from '../wiring';
import { FactsRecorder } from './commands/facts-recorder';
import { RatingsSource } from './commands/ratings-source';
import { StandingRefresher } from './commands/refresh-standing';
import {
  accountStatusReaction,
  RebuildRollupsHandler,
  standingRefreshTimer,
} from './commands/standing-timers';
import { AccountStatus } from './database/account-status';
import { OrderFactsRepository } from './database/order-facts.repository';
import { RollupRepository } from './database/rollup.repository';
import { StandingRepository } from './database/standing.repository';
import { StandingController } from './http/standing.http.controller';
import {
  CampaignEligibilityHandler,
  ScoreHistoryHandler,
  StandingHandler,
  TradeAnalysisHandler,
} from './queries/standing.queries';
import { TradeAnalysisReader } from './queries/trade-analysis.reader';
import { factsReactions } from './reactions/facts.reactions';
import { standingConfig } from './standing.config';
import { StoreDirectory } from '../directory';
import { Timers } from '@tradehub/platform';

/** ANA-1 roll-ups, CMP-1 score, CMP-2 warnings, CMP-3 gating. */
export const STANDING_PROVIDERS: Provider[] = [
  ...standingConfig,
  OrderFactsRepository,
  RollupRepository,
  StandingRepository,
  AccountStatus,
  RatingsSource,
  FactsRecorder,
  StandingRefresher,
  TradeAnalysisReader,
  RebuildRollupsHandler,
  TradeAnalysisHandler,
  StandingHandler,
  ScoreHistoryHandler,
  CampaignEligibilityHandler,
];
export const STANDING_CONTROLLERS: Type<unknown>[] = [StandingController];
export const STANDING_ENTITIES = [];
export { standingMigrations } from './database/standing.migration';

export function registerStanding(wiring: ComplianceWiring): void {
  const facts = wiring.get(FactsRecorder);
  const clock = wiring.get<Clock>(CLOCK);
  for (const handler of factsReactions(wiring.topics, wiring.database, facts, clock))
    wiring.events.register(handler);
  wiring.events.register(
    accountStatusReaction(
      wiring.topics.forContext('compliance'),
      wiring.database,
      facts,
      wiring.get(StoreDirectory),
      clock,
    ),
  );
  wiring.timers.register(
    standingRefreshTimer(wiring.get(StandingRefresher), wiring.get(Timers), wiring.database, clock),
  );
}

export { FactsRecorder, StandingRefresher };
