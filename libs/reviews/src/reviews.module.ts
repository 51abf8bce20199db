import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextDatabase, EventDispatcher, Topics, UnitOfWork } from '@tradehub/platform';
import { ReceiveReviewHandler } from './commands/receive-review/receive-review';
import { ReplyToReviewHandler } from './commands/reply/reply-to-review';
import { RecordStrikeHandler } from './commands/strikes/record-strike';
import { reviewsEntities } from './database';
import { ReviewRepository } from './database/review.repository';
import { StoreRatingsRepository } from './database/store-ratings.repository';
import { ReviewsController } from './http/reviews.http.controller';
import { GetReviewHandler, ListReviewsHandler, StoreRatingsHandler } from './queries/reviews.queries';
import { GetStoreRatingsHandler } from './queries/store-ratings-facts.query-handler';
import { StoreRatingsReader } from './ratings/store-ratings.reader';
import { buyerReviewsConsumer, strikesReaction } from './reactions/reviews.reactions';
import { REVIEWS_POLICY, reviewsConfig, type ReviewsPolicy } from './reviews.config';
import { registerTendencyReactions, TENDENCY_CONTROLLERS, TENDENCY_PROVIDERS } from './tendency';

/** Reviews: buyer reviews, replies, DSR and positive rate, the negative-review tendency (REV-*). */
@Module({
  controllers: [ReviewsController, ...TENDENCY_CONTROLLERS],
  providers: [
    ...contextDatabase('reviews', reviewsEntities),
    ...reviewsConfig,
    ReviewRepository,
    StoreRatingsRepository,
    StoreRatingsReader,
    ReceiveReviewHandler,
    ReplyToReviewHandler,
    RecordStrikeHandler,
    GetReviewHandler,
    ListReviewsHandler,
    StoreRatingsHandler,
    GetStoreRatingsHandler,
    ...TENDENCY_PROVIDERS,
  ],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly database: UnitOfWork,
    @Inject(REVIEWS_POLICY) private readonly policy: ReviewsPolicy,
  ) {}

  onModuleInit(): void {
    this.events.register(strikesReaction(this.topics.forContext('orders'), this.database, this.commands));
    this.events.register(buyerReviewsConsumer(this.policy.buyersTopic, this.commands, this.database));
    registerTendencyReactions(this.events, this.topics, this.database, this.commands);
  }
}
