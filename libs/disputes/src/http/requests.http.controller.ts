import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import {
  AnswerRequestCommand,
  EscalateRequestCommand,
  InspectReturnCommand,
} from '../commands/request-actions/request-actions.commands';
import { GetRequestQuery, ListRequestsQuery } from '../queries/disputes.queries';
import { RefundRequestPageResponse, RefundRequestResponse } from '../views/refund-request.response';
import { AnswerRequestDto, EscalationDto, InspectionDto, ListRequestsDto } from './disputes.dto';

/** Sellers (and their ERPs) see and answer the refund requests of their stores (DSP-1, DSP-3, DSP-4). */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('v1/disputes/requests')
export class RequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @RequiredScope('refunds:read')
  @ApiOperation({ summary: "Refund requests of the caller's stores, newest first (ORD-6 filters)" })
  @ApiOkResponse({ type: RefundRequestPageResponse })
  list(
    @Query() q: ListRequestsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<RefundRequestResponse>> {
    return this.queries.execute(
      new ListRequestsQuery(StoreScope.of(principal), {
        storeId: q.storeId,
        orderId: q.orderId?.toLowerCase(),
        status: q.status,
        kind: q.kind,
        from: q.from,
        to: q.to,
        cursor: q.cursor,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Get(':requestId')
  @RequiredScope('refunds:read')
  @ApiOperation({ summary: 'One refund request with its deadlines, answers, return, arbitration and refund' })
  @ApiOkResponse({ type: RefundRequestResponse })
  get(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    return this.queries.execute(new GetRequestQuery(StoreScope.of(principal), requestId));
  }

  @Post(':requestId/answer')
  @RequiredScope('refunds:write')
  @HttpCode(200)
  @AllowedCallers('seller_staff', 'partner_app')
  @ApiOperation({
    summary:
      'DSP-1: answer once before the deadline: accept (full refund), PARTIAL (amount, reason, evidence) or REFUSE (preset reason, evidence)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async answer(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: AnswerRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    const scope = StoreScope.of(principal);
    await this.commands.execute(
      new AnswerRequestCommand(
        requestId,
        body.answer,
        body.amount ?? null,
        body.reason ?? null,
        body.evidence ?? [],
        scope,
        principal.id,
      ),
    );
    return this.queries.execute(new GetRequestQuery(scope, requestId));
  }

  @Post(':requestId/inspection')
  @RequiredScope('refunds:write')
  @HttpCode(200)
  @AllowedCallers('seller_staff', 'partner_app')
  @ApiOperation({
    summary:
      'DSP-3: within 48 hours of the return reaching the seller, confirm the refund (FULL, or PARTIAL with evidence) or CONTEST the goods (arbitration)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async inspect(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: InspectionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    const scope = StoreScope.of(principal);
    await this.commands.execute(
      new InspectReturnCommand(
        requestId,
        body.decision,
        body.amount ?? null,
        body.reason ?? null,
        body.evidence ?? [],
        scope,
        principal.id,
      ),
    );
    return this.queries.execute(new GetRequestQuery(scope, requestId));
  }

  @Post(':requestId/escalation')
  @RequiredScope('refunds:write')
  @HttpCode(200)
  @AllowedCallers('seller_staff', 'partner_app', 'service')
  @ApiOperation({
    summary:
      'DSP-4: take a refusal or a partial offer to platform arbitration (a seller for the store; the buyer-facing team for the buyer)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async escalate(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: EscalationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    const scope = StoreScope.of(principal);
    const by = principal.kind === 'service' ? 'BUYER' : 'SELLER';
    await this.commands.execute(new EscalateRequestCommand({ id: requestId }, by, body.reason, scope));
    return this.queries.execute(new GetRequestQuery(scope, requestId));
  }
}
