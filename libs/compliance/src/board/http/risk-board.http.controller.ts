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
import { riskTypeNamed } from '../domain/risk-types';
import { BoardCountsQuery, GetBoardFlagQuery, ListBoardFlagsQuery } from '../queries/risk-board.queries';
import { BoardCountsResponse } from '../views/board-counts.response';
import { BoardFlagPageResponse, BoardFlagResponse } from '../views/board-flag.response';
import { BoardCountsRequest, BoardFlagsRequest } from './risk-board.request.dto';

/** CMP-5: the risk board of the 17 risk types, of the caller's stores only (API-2). */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance/risk-board')
@AllowedCallers('seller_staff', 'partner_app', 'operator')
export class RiskBoardController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary:
      "CMP-5: risk flags of the caller's stores, newest raised first (default: the open ones, shown red)",
  })
  @ApiOkResponse({ type: BoardFlagPageResponse })
  list(
    @Query() q: BoardFlagsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<BoardFlagResponse>> {
    return this.queries.execute(
      new ListBoardFlagsQuery(StoreScope.of(principal), {
        status: q.status ?? 'open',
        riskType: q.type ? riskTypeNamed(q.type)!.number : undefined,
        severity: q.severity,
        storeId: q.storeId,
        raisedFrom: q.raisedFrom ? new Date(q.raisedFrom) : undefined,
        raisedTo: q.raisedTo ? new Date(q.raisedTo) : undefined,
        cursor: q.cursor,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Get('counts')
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary: "CMP-5: open flags per risk type of the caller's stores, all 17 types (the red badges)",
  })
  @ApiOkResponse({ type: BoardCountsResponse })
  counts(
    @Query() q: BoardCountsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BoardCountsResponse> {
    return this.queries.execute(new BoardCountsQuery(StoreScope.of(principal), q.storeId));
  }

  @Get(':flagId')
  @RequiredScope('compliance:read')
  @ApiOperation({ summary: 'CMP-5: one flag, open or cleared' })
  @ApiOkResponse({ type: BoardFlagResponse })
  one(
    @Param('flagId', uuidParam('flagId')) flagId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BoardFlagResponse> {
    return this.queries.execute(new GetBoardFlagQuery(StoreScope.of(principal), flagId.toLowerCase()));
  }
}
