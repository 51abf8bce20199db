import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { ReceiveReviewCommand } from '../commands/receive-review/receive-review';
import { ReviewMessage } from '../commands/receive-review/review.message';
import { ReplyToReviewCommand } from '../commands/reply/reply-to-review';
import { GetReviewQuery, ListReviewsQuery, StoreRatingsQuery } from '../queries/reviews.queries';
import type { StoreRatings } from '../ratings/store-ratings.reader';
import { ReviewPageResponse, ReviewResponse } from '../views/review.response';
import { RatingsOverviewResponse } from '../views/store-ratings.response';
import { ListReviewsDto, ReplyDto, StoreRatingsDto } from './reviews.dto';

/** Buyer reviews, the seller's reply and the store's figures (REV-1..5). */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('v1/reviews')
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequiredScope('reviews:write')
  @HttpCode(201)
  @AllowedCallers('service', 'operator')
  @ApiOperation({
    summary:
      "REV-1: a buyer's review of a delivered order (also from Kafka), once per order; idempotent on reviewId",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'Review received' })
  @ApiOkResponse({ type: ReviewResponse, description: 'Already received: the same review' })
  async receive(
    @Body() body: ReviewMessage,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewResponse> {
    const scope = StoreScope.of(principal);
    const { reviewId, created } = await this.commands.execute(
      new ReceiveReviewCommand(body, scope.storeIds()),
    );
    void reply.status(created ? 201 : 200);
    return this.queries.execute(new GetReviewQuery(scope, reviewId));
  }

  @Get()
  @RequiredScope('reviews:read')
  @ApiOperation({
    summary: "Reviews of the caller's stores, newest first; filters store, rating, hasReply, dates",
  })
  @ApiOkResponse({ type: ReviewPageResponse })
  list(@Query() q: ListReviewsDto, @CurrentPrincipal() principal: Principal): Promise<Page<ReviewResponse>> {
    return this.queries.execute(
      new ListReviewsQuery(StoreScope.of(principal), {
        storeId: q.storeId,
        rating: q.rating,
        hasReply: q.hasReply,
        from: q.from,
        to: q.to,
        cursor: q.cursor,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Get('ratings')
  @RequiredScope('reviews:read')
  @ApiOperation({
    summary:
      'REV-3..5: positive rate and DSR per dimension over the window, per store the caller may see and across them, with the reviews behind each figure',
  })
  @ApiOkResponse({ type: RatingsOverviewResponse })
  ratings(
    @Query() q: StoreRatingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ stores: StoreRatings[]; all: StoreRatings }> {
    return this.queries.execute(
      new StoreRatingsQuery(StoreScope.of(principal), q.storeId ?? null, q.windowDays ?? null),
    );
  }

  @Get(':reviewId')
  @RequiredScope('reviews:read')
  @ApiOperation({ summary: 'One review with its reply' })
  @ApiOkResponse({ type: ReviewResponse })
  get(
    @Param('reviewId', uuidParam('reviewId')) reviewId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewResponse> {
    return this.queries.execute(new GetReviewQuery(StoreScope.of(principal), reviewId));
  }

  @Post(':reviewId/reply')
  @RequiredScope('reviews:write')
  @HttpCode(200)
  @AllowedCallers('seller_staff', 'partner_app')
  @ApiOperation({ summary: 'REV-2: reply once to a review of your store' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: ReviewResponse })
  async reply(
    @Param('reviewId', uuidParam('reviewId')) reviewId: string,
    @Body() body: ReplyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewResponse> {
    const scope = StoreScope.of(principal);
    await this.commands.execute(new ReplyToReviewCommand(reviewId, body.text, scope, principal.id));
    return this.queries.execute(new GetReviewQuery(scope, reviewId));
  }
}
