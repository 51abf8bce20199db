import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock, type Page } from '@tradehub/kernel';
import { type StoreScope, UnitOfWork } from '@tradehub/platform';
import { type ReviewFilter, ReviewRepository } from '../database/review.repository';
import { reviewNotFound } from '../domain';
import { type StoreRatings, StoreRatingsReader } from '../ratings/store-ratings.reader';
import { type ReviewResponse, reviewView } from '../views/review.response';

export class GetReviewQuery extends Query<ReviewResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly reviewId: string,
  ) {
    super();
  }
}

export class ListReviewsQuery extends Query<Page<ReviewResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: ReviewFilter,
  ) {
    super();
  }
}

/** REV-3..5 per store the caller may see, and across them. */
export class StoreRatingsQuery extends Query<{ stores: StoreRatings[]; all: StoreRatings }> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | null,
    readonly windowDays: number | null,
  ) {
    super();
  }
}

@QueryHandler(GetReviewQuery)
export class GetReviewHandler implements IQueryHandler<GetReviewQuery, ReviewResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute({ scope, reviewId }: GetReviewQuery): Promise<ReviewResponse> {
    const review = await this.reviews.find(this.uow.reader(), reviewId, false);
    return reviewView(scope.reveal(review, (r) => r.storeId, reviewNotFound));
  }
}

@QueryHandler(ListReviewsQuery)
export class ListReviewsHandler implements IQueryHandler<ListReviewsQuery, Page<ReviewResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute({ scope, filter }: ListReviewsQuery): Promise<Page<ReviewResponse>> {
    const page = await this.reviews.page(this.uow.reader(), scope, filter);
    return { items: page.items.map(reviewView), nextCursor: page.nextCursor };
  }
}

@QueryHandler(StoreRatingsQuery)
export class StoreRatingsHandler implements IQueryHandler<StoreRatingsQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: StoreRatingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({
    scope,
    storeId,
    windowDays,
  }: StoreRatingsQuery): Promise<{ stores: StoreRatings[]; all: StoreRatings }> {
    return this.reader.read(this.uow.direct, scope, storeId, this.clock.now(), windowDays ?? undefined);
  }
}
