import type { Provider, Type } from '@nestjs/common';
import { DisputeEvents } from '@tradehub/disputes/contract';
import { OrderEvents } from '@tradehub/orders/contract';
import { ReviewEvents } from '@tradehub/reviews/contract';
import type { ComplianceWiring } from '../wiring';
import { boardConfig } from './board.config';
import { BoardFlagRepository } from './database/board-flag.repository';
import { RiskBoardController } from './http/risk-board.http.controller';
import {
  BoardCountsHandler,
  GetBoardFlagHandler,
  ListBoardFlagsHandler,
} from './queries/risk-board.query-handlers';
import { flagFeedReaction } from './reactions/flag-feed.reaction';
import { fulfillmentFlagsReaction } from './reactions/fulfillment-flags.reaction';
import { RiskBoard } from './risk-board';

/** CMP-5: the risk board of the 17 risk types. */
export const BOARD_PROVIDERS: Provider[] = [
  ...boardConfig,
  BoardFlagRepository,
  RiskBoard,
  ListBoardFlagsHandler,
  BoardCountsHandler,
  GetBoardFlagHandler,
];
export const BOARD_CONTROLLERS: Type<unknown>[] = [RiskBoardController];
/** Plain SQL behind a repository: a flag is a row the board opens and clears, not an aggregate. */
export const BOARD_ENTITIES = [];
export { boardMigrations, Migration20261127000610ComplianceBoard } from './database/board.migration';

/** One consumer per source topic: every raised flag goes on the board, and ends as its context says. */
export function registerBoard(wiring: ComplianceWiring): void {
  const { events, topics, database } = wiring;
  const board = wiring.get(RiskBoard);
  const feeds = [
    ['orders', OrderEvents],
    ['disputes', DisputeEvents],
    ['reviews', ReviewEvents],
  ] as const;
  for (const [context, types] of feeds) {
    const flagTypes = { raised: types.RiskFlagRaised, cleared: types.RiskFlagCleared };
    events.register(flagFeedReaction(context, topics.forContext(context), flagTypes, database, board));
  }
  events.register(fulfillmentFlagsReaction(topics.forContext('fulfillment'), database, board));
}

export { RiskBoard } from './risk-board';
export type { BoardFlagInput, BoardFlagKeyInput } from './domain/board-flag-input';
export { RISK_TYPES, RISK_CODES, riskTypeOf, type RiskCode, type RiskType } from './domain/risk-types';
export { BOARD_SETTINGS, loadBoardSeverities } from './board.config';
