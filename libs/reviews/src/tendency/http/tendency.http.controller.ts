import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { GetOrderTendencyQuery, TendencyBoardQuery } from '../queries/tendency.queries';
import { TendencyOrderResponse, TendencyPageResponse } from '../views/tendency.response';
import { TendencyBoardRequest } from './tendency.request.dto';

/** REV-6: the open orders at risk of a negative review (差评倾向), of the caller's stores only (API-2). */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('v1/reviews')
export class ReviewTendencyController {
  constructor(private readonly queries: QueryBus) {}

  @Get('negative-tendency')
  @RequiredScope('reviews:read')
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({
    summary:
      "REV-6: open orders of the caller's stores by negative-review tendency, highest score first, with reasons " +
      '(default: the orders flagged NEGATIVE_REVIEW_TENDENCY; all=true for every open order)',
  })
  @ApiOkResponse({ type: TendencyPageResponse })
  board(
    @Query() q: TendencyBoardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<TendencyOrderResponse>> {
    return this.queries.execute(
      new TendencyBoardQuery(StoreScope.of(principal), {
        storeId: q.storeId,
        signal: q.signal,
        all: q.all === 'true',
        cursor: q.cursor,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Get('orders/:orderId/tendency')
  @RequiredScope('reviews:read')
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({ summary: "REV-6: one order's negative-review tendency and its reasons" })
  @ApiOkResponse({ type: TendencyOrderResponse })
  order(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TendencyOrderResponse> {
    return this.queries.execute(new GetOrderTendencyQuery(StoreScope.of(principal), orderId.toLowerCase()));
  }
}
