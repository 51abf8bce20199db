import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  PageRequest,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import {
  PostRefundCommand,
  type PostRefundResult,
  RecordOrderIssueCommand,
  RecordSellerAccountCommand,
} from '../contract';
import { DecideHoldCommand } from '../commands/decide-hold/decide-hold.command';
import { RecordFxRateCommand } from '../commands/fx/fx.commands';
import { GetSettlementOrderQuery, ListHeldReviewsQuery } from '../queries/settlement.queries';
import { SettlementOrderPageResponse, SettlementOrderResponse } from '../views/settlement.responses';
import {
  FxRateRequestDto,
  HoldDecisionRequestDto,
  OrderIssueRequestDto,
  RefundRequestDto,
  SellerAccountRequestDto,
} from './settlement.dto';

@ApiTags('settlement operations')
@ApiBearerAuth()
@Controller('v1/settlement')
export class SettlementOperationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('held-reviews')
  @RequiredScope('settlement:operate')
  @AllowedCallers('operator')
  @ApiOperation({ summary: 'SET-3: reviews that hold money, oldest first, with their reasons' })
  @ApiOkResponse({ type: SettlementOrderPageResponse })
  held(@Query() q: PageRequest): Promise<Page<SettlementOrderResponse>> {
    return this.queries.execute(new ListHeldReviewsQuery(q.limit ?? 50, q.cursor));
  }

  @Post('orders/:orderId/hold-decision')
  @RequiredScope('settlement:operate')
  @HttpCode(200)
  @AllowedCallers('operator')
  @ApiOperation({
    summary: 'SET-3: release a held review (at once after day 7) or keep holding it, with a reason',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: SettlementOrderResponse })
  async decide(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @Body() body: HoldDecisionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettlementOrderResponse> {
    await this.commands.execute(new DecideHoldCommand(orderId, body.decision, body.reason, principal.id));
    return this.queries.execute(new GetSettlementOrderQuery(StoreScope.all(), orderId));
  }

  @Put('fx-rates')
  @RequiredScope('settlement:operate')
  @HttpCode(200)
  @AllowedCallers('operator', 'service')
  @ApiOperation({ summary: 'SET-4: record a treasury rate to CNY (also taken from the treasury topic)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  rate(
    @Body() body: FxRateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ recorded: boolean }> {
    return this.commands.execute(
      new RecordFxRateCommand(body.from, body.to, body.rate, new Date(body.asOf), `operator:${principal.id}`),
    );
  }

  @Post('order-issues')
  @RequiredScope('settlement:operate')
  @HttpCode(200)
  @AllowedCallers('operator', 'service')
  @ApiOperation({
    summary:
      'SET-2: a refund request or dispute on an order opened or closed; the review holds while one is open',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async issue(
    @Body() body: OrderIssueRequestDto,
  ): Promise<{ orderId: string; issueId: string; status: string }> {
    await this.commands.execute(
      new RecordOrderIssueCommand(body.issueId, body.orderId, body.status === 'OPEN'),
    );
    return { orderId: body.orderId, issueId: body.issueId, status: body.status };
  }

  @Put('seller-accounts/:sellerId')
  @RequiredScope('settlement:operate')
  @HttpCode(200)
  @AllowedCallers('operator', 'service')
  @ApiOperation({
    summary: "SET-2, CMP-4: a seller account closed or reopened; a closed seller's reviews hold",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async sellerAccount(
    @Param('sellerId') sellerId: string,
    @Body() body: SellerAccountRequestDto,
  ): Promise<{ sellerId: string; closed: boolean }> {
    await this.commands.execute(new RecordSellerAccountCommand(sellerId, body.closed, body.reason));
    return { sellerId, closed: body.closed };
  }

  @Post('refunds')
  @RequiredScope('settlement:operate')
  @HttpCode(200)
  @AllowedCallers('operator', 'service')
  @ApiOperation({
    summary:
      'SET-5: post a refund out of frozen (before release) or available (after) funds; idempotent on refundId',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  refund(@Body() body: RefundRequestDto): Promise<PostRefundResult> {
    return this.commands.execute(
      new PostRefundCommand(body.refundId, body.orderId, body.amount.minor, body.amount.currency),
    );
  }
}
