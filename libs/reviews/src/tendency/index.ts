import type { Provider, Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventDispatcher, Topics, UnitOfWork } from '@tradehub/platform';
import { ReviewTendencyScorer } from './commands/review-tendency.scorer';
import { RecordTendencySignalHandler, TrackOrderTendencyHandler } from './commands/tendency-signals';
import { OrderTendencyRepository } from './database/order-tendency.repository';
import { ReviewTendencyController } from './http/tendency.http.controller';
import { GetOrderTendencyHandler, TendencyBoardHandler } from './queries/tendency.query-handlers';
import {
  disputeTendencyReaction,
  logisticsTendencyReaction,
  orderTendencyReaction,
} from './reactions/tendency-signals.reactions';
import { tendencyConfig } from './tendency.config';

/**
 * REV-6, the negative-review tendency (差评倾向): what the Reviews module wires in. The scorer is
 * exported for the review-received handler (a reviewed order closes; the buyer's other orders are
 * scored again).
 */
export const TENDENCY_PROVIDERS: Provider[] = [
  ...tendencyConfig,
  OrderTendencyRepository,
  ReviewTendencyScorer,
  TrackOrderTendencyHandler,
  RecordTendencySignalHandler,
  TendencyBoardHandler,
  GetOrderTendencyHandler,
];

export const TENDENCY_CONTROLLERS: Type<unknown>[] = [ReviewTendencyController];

/** The three consumers of REV-6's signals: Orders', Fulfillment's and Disputes' topics. */
export function registerTendencyReactions(
  events: EventDispatcher,
  topics: Topics,
  database: UnitOfWork,
  commands: CommandBus,
): void {
  events.register(orderTendencyReaction(topics.forContext('orders'), database, commands));
  events.register(logisticsTendencyReaction(topics.forContext('fulfillment'), database, commands));
  events.register(disputeTendencyReaction(topics.forContext('disputes'), database, commands));
}

export {
  ReviewTendencyScorer,
  type PendingReview,
  type TendencyChange,
} from './commands/review-tendency.scorer';
export { tendencyMigrations, Migration20261127000520ReviewTendency } from './tendency.migration';
export { TENDENCY_POLICY, TENDENCY_SETTINGS, loadTendencyPolicy } from './tendency.config';
export { DEFAULT_TENDENCY_POLICY, NEGATIVE_REVIEW_TENDENCY, type ReviewTendencyPolicy } from './domain';
