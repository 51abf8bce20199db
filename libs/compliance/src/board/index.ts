import type { Provider, Type } from '@nestjs/common';
import { DisputeEvents } from '@tradehub/disputes/contract';
import { type OrderCancelledV1, OrderEvents } from '@tradehub/orders/contract';
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
import { type FlagEnd, flagFeedReaction } from './reactions/flag-feed.reaction';
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

/** A cancelled order ships nothing: a refused tracking number on it no longer needs anyone. */
const ORDER_ENDS: Readonly<Record<string, FlagEnd>> = {
  [OrderEvents.OrderCancelled]: (board, tx, event) => {
    const { storeId, orderId } = event.data as unknown as OrderCancelledV1;
    const key = { code: 'INVALID_TRACKING_NUMBER', storeId, orderId };
    return board.clear(tx, key, 'the order was cancelled', event.time);
  },
};

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
    const ends = context === 'orders' ? ORDER_ENDS : {};
    events.register(flagFeedReaction(context, topics.forContext(context), flagTypes, database, board, ends));
  }
  events.register(fulfillmentFlagsReaction(topics.forContext('fulfillment'), database, board));
}

export { RiskBoard } from './risk-board';
export type { BoardFlagInput, BoardFlagKeyInput } from './domain/board-flag-input';
export { RISK_TYPES, RISK_CODES, riskTypeOf, type RiskCode, type RiskType } from './domain/risk-types';
export { BOARD_SETTINGS, loadBoardSeverities } from './board.config';
