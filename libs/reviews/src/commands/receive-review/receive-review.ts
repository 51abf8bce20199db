import { Inject } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { GetOrderSummaryQuery, type OrderSummary } from '@tradehub/orders/contract';
import { StoreScope, type Tx, UnitOfWork } from '@tradehub/platform';
import { ReviewRepository } from '../../database/review.repository';
import { StoreRatingsRepository } from '../../database/store-ratings.repository';
import {
  orderAlreadyReviewed,
  orderNotDelivered,
  orderNotFound,
  Review,
  type ReviewInput,
  reviewIdReused,
} from '../../domain';
import { StoreRatingsReader } from '../../ratings/store-ratings.reader';
import { REVIEWS_POLICY, type ReviewsPolicy } from '../../reviews.config';
import { ReviewTendencyScorer } from '../../tendency';
import type { ReviewMessage } from './review.message';

export interface ReceiveReviewResult {
  reviewId: string;
  /** False when the marketplace's review id was met before: the same review is answered. */
  created: boolean;
}

/** REV-1: a buyer's review arrives (REST or the reviews topic). Idempotent on the marketplace's review id. */
export class ReceiveReviewCommand extends Command<ReceiveReviewResult> {
  constructor(
    readonly message: ReviewMessage,
    /** The caller's stores (null: every store, as for the topic); another store's order is not found. */
    readonly stores: readonly string[] | null = null,
  ) {
    super();
  }
}

/**
 * REV-1: one review per delivered order, ratings 1-5, the text as written. The store's daily roll-up
 * is updated in the same transaction, and the store's DSR is published per dimension (REV-4).
 */
@CommandHandler(ReceiveReviewCommand)
export class ReceiveReviewHandler implements ICommandHandler<ReceiveReviewCommand, ReceiveReviewResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly reviews: ReviewRepository,
    private readonly ratings: StoreRatingsRepository,
    private readonly reader: StoreRatingsReader,
    private readonly tendency: ReviewTendencyScorer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REVIEWS_POLICY) private readonly policy: ReviewsPolicy,
  ) {}

  async execute({ message, stores }: ReceiveReviewCommand): Promise<ReceiveReviewResult> {
    Review.check({ overall: message.overall, ...message.dsr, text: message.text }, this.policy.maxTextChars);
    const order = await this.queries.execute(new GetOrderSummaryQuery(message.orderId.toLowerCase(), stores));
    if (!order) throw orderNotFound();
    const input: ReviewInput = {
      marketplaceReviewId: message.reviewId,
      orderId: order.orderId,
      storeId: order.storeId,
      buyerId: order.buyerId,
      overall: message.overall,
      itemAsDescribed: message.dsr.itemAsDescribed,
      communication: message.dsr.communication,
      shippingSpeed: message.dsr.shippingSpeed,
      text: message.text,
    };
    try {
      return await this.uow.run((tx) => this.receive(tx, input, order));
    } catch (error) {
      // The same review, or another review of the same order, committed first: answer as it stands now.
      if (error instanceof UniqueConstraintViolationException && !this.uow.inTransaction())
        return this.uow.run((tx) => this.receive(tx, input, order));
      throw error;
    }
  }

  private async receive(tx: Tx, input: ReviewInput, order: OrderSummary): Promise<ReceiveReviewResult> {
    const earlier = await this.reviews.findBy(tx, 'marketplace_review_id', input.marketplaceReviewId);
    if (earlier) {
      if (!earlier.sameAs(input)) throw reviewIdReused();
      return { reviewId: earlier.id, created: false };
    }
    if (!order.deliveredAt || order.cancelled)
      throw orderNotDelivered(order.cancelled ? 'cancelled' : order.status);
    if (await this.reviews.findBy(tx, 'order_id', input.orderId)) throw orderAlreadyReviewed();
    await this.ratings.lockStore(tx, input.storeId);
    const now = this.clock.now();
    const review = Review.receive(input, now, this.policy.maxTextChars);
    tx.save(review);
    await this.ratings.add(tx, review);
    const events = await this.reader.changed(tx, StoreScope.all(), review.storeId, now);
    // REV-6: the reviewed order leaves the tendency list; the buyer's other open orders count this review.
    await this.tendency.reviewReceived(tx, review, now);
    tx.publish(events, {
      action: 'reviews.dsr-changed',
      subjectType: 'store-ratings',
      subjectId: review.storeId,
      storeId: review.storeId,
      changes: { reviewId: review.id },
    });
    return { reviewId: review.id, created: true };
  }
}
