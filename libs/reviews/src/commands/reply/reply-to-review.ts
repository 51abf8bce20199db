import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { type StoreScope, UnitOfWork } from '@tradehub/platform';
import { ReviewRepository } from '../../database/review.repository';
import { reviewNotFound } from '../../domain';
import { REVIEWS_POLICY, type ReviewsPolicy } from '../../reviews.config';

/** REV-2: the seller's one reply (store-scoped). */
export class ReplyToReviewCommand extends Command<void> {
  constructor(
    readonly reviewId: string,
    readonly text: string,
    readonly scope: StoreScope,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(ReplyToReviewCommand)
export class ReplyToReviewHandler implements ICommandHandler<ReplyToReviewCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reviews: ReviewRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REVIEWS_POLICY) private readonly policy: ReviewsPolicy,
  ) {}

  async execute({ reviewId, text, scope, by }: ReplyToReviewCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const review = scope.reveal(await this.reviews.find(tx, reviewId), (r) => r.storeId, reviewNotFound);
      review.replyWith(text, by, this.clock.now(), this.policy.maxReplyChars);
    });
  }
}
