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
import { AppealPenaltyCaseCommand } from '../commands/appeal-case/appeal-penalty-case';
import { ListPenaltiesQuery } from '../queries/list-penalties.query';
import { SellerPenaltiesPageResponse, SellerPenaltiesResponse } from '../views/seller-penalties.response';
import { ListPenaltiesRequest, PenaltyAppealRequest } from './penalties.dto';

/** CMP-4: fake-shipment penalty points, cases and account closure; operators decide appeals. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance/penalties')
export class PenaltiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary:
      "CMP-4: penalty points, counted cases and closure of the sellers of the caller's stores, with every case and its references",
  })
  @ApiOkResponse({ type: SellerPenaltiesPageResponse })
  list(
    @Query() q: ListPenaltiesRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<SellerPenaltiesResponse>> {
    return this.queries.execute(
      new ListPenaltiesQuery(
        StoreScope.of(principal),
        q.storeId,
        q.withCases === 'true',
        q.cursor,
        q.limit ?? 50,
      ),
    );
  }

  @Post('cases/:caseId/appeal')
  @RequiredScope('compliance:operate')
  @HttpCode(200)
  @AllowedCallers('operator')
  @ApiOperation({
    summary:
      "CMP-4: decide a seller's appeal of a case: REVERSED takes its points out (and may reopen the account), UPHELD is recorded",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: SellerPenaltiesResponse,
    description: "The case's seller account after the decision",
  })
  appeal(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: PenaltyAppealRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SellerPenaltiesResponse> {
    return this.commands.execute(
      new AppealPenaltyCaseCommand(
        caseId,
        { outcome: body.outcome, reason: body.reason, decidedBy: principal.id },
        StoreScope.of(principal),
      ),
    );
  }
}
