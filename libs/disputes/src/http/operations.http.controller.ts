import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { ArbitrateCommand } from '../commands/request-actions/request-actions.commands';
import { GetRequestQuery, ListEscalatedQuery } from '../queries/disputes.queries';
import { RefundRequestPageResponse, RefundRequestResponse } from '../views/refund-request.response';
import { ArbitrationDto } from './disputes.dto';

/** DSP-4: platform arbitration by operators. */
@ApiTags('disputes operations')
@ApiBearerAuth()
@Controller('v1/disputes')
export class ArbitrationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('arbitration-queue')
  @RequiredScope('refunds:read')
  @AllowedCallers('operator')
  @ApiOperation({ summary: 'DSP-4: escalated requests awaiting a decision, oldest first' })
  @ApiOkResponse({ type: RefundRequestPageResponse })
  queue(@Query() q: PageRequest): Promise<Page<RefundRequestResponse>> {
    return this.queries.execute(new ListEscalatedQuery(q.limit ?? 50, q.cursor));
  }

  @Post('requests/:requestId/arbitration')
  @RequiredScope('arbitration:decide')
  @HttpCode(200)
  @AllowedCallers('operator')
  @ApiOperation({
    summary:
      'DSP-4: decide a FULL, PARTIAL (amount) or NONE refund with a reason; the decision drives the refund',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async decide(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ArbitrationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    await this.commands.execute(
      new ArbitrateCommand(requestId, body.decision, body.amount ?? null, body.reason, principal.id),
    );
    return this.queries.execute(new GetRequestQuery(StoreScope.all(), requestId));
  }
}
