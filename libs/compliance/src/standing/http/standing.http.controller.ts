import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
} from '@tradehub/platform';
import { RebuildRollupsCommand } from '../commands/standing-timers';
import { seriesCsv, seriesXlsx } from '../queries/series-export';
import {
  CampaignEligibilityQuery,
  ScoreHistoryQuery,
  StandingQuery,
  TradeAnalysisQuery,
} from '../queries/standing.queries';
import {
  CampaignEligibilityResponse,
  RebuildResponse,
  ScoreDayResponse,
  StoreStandingResponse,
  TradeAnalysisResponse,
} from '../views/standing.response';
import { ExportDto, RebuildDto, ComplianceStoreFilterDto } from './standing.dto';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function storeParam(storeId: string): string {
  if (!STORE_ID.test(storeId)) throw new ValidationError('must be a store id', 'storeId');
  return storeId;
}

/** A store's standing: trade analysis (ANA-1), SLA score (CMP-1), warnings (CMP-2), campaign gate (CMP-3). */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance')
export class StandingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('trade-analysis')
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary:
      "ANA-1: the 12 core metrics over the last 90 UTC days, per store, across the caller's stores (or one main account) and per day",
  })
  @ApiOkResponse({ type: TradeAnalysisResponse })
  analysis(@Query() q: ComplianceStoreFilterDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new TradeAnalysisQuery(StoreScope.of(principal), q));
  }

  @Get('trade-analysis/export')
  @RequiredScope('compliance:read')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'ANA-1: the daily series as CSV or an Excel workbook' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async export(@Query() q: ExportDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const analysis = await this.queries.execute(
      new TradeAnalysisQuery(StoreScope.of(principal), {
        storeId: q.storeId,
        mainAccountId: q.mainAccountId,
      }),
    );
    const name = `trade-analysis-${analysis.to}`;
    if (q.format === 'xlsx')
      return new StreamableFile(await seriesXlsx(analysis), {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: `attachment; filename="${name}.xlsx"`,
      });
    return new StreamableFile(Buffer.from(seriesCsv(analysis), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}.csv"`,
    });
  }

  @Post('trade-analysis/rebuild')
  @RequiredScope('compliance:operate')
  @HttpCode(200)
  @AllowedCallers('operator')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'ANA-1: recompute the daily roll-ups of one store (or all) from the facts kept' })
  @ApiOkResponse({ type: RebuildResponse })
  rebuild(@Body() body: RebuildDto, @CurrentPrincipal() principal: Principal) {
    return this.commands.execute(new RebuildRollupsCommand(body.storeId ?? null, principal.id));
  }

  @Get('standing')
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary:
      'CMP-1..3: per store the SLA score with every part (value, sub-score, weight, contribution), open downgrade warnings and campaign eligibility',
  })
  @ApiOkResponse({ type: [StoreStandingResponse] })
  standing(@Query() q: ComplianceStoreFilterDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new StandingQuery(StoreScope.of(principal), q));
  }

  @Get('standing/:storeId/history')
  @RequiredScope('compliance:read')
  @ApiOperation({
    summary: "CMP-1: the store's score per UTC day over the window (the day's last computation)",
  })
  @ApiOkResponse({ type: [ScoreDayResponse] })
  history(@Param('storeId') storeId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ScoreHistoryQuery(StoreScope.of(principal), storeParam(storeId)));
  }

  @Get('campaign-eligibility/:storeId')
  @RequiredScope('compliance:read')
  @AllowedCallers('service', 'operator')
  @ApiOperation({
    summary:
      'CMP-3: may the store register for a major campaign? Every reason when not (a DSR dimension under the bar, a closed account)',
  })
  @ApiOkResponse({ type: CampaignEligibilityResponse })
  eligibility(@Param('storeId') storeId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new CampaignEligibilityQuery(StoreScope.of(principal), storeParam(storeId)));
  }
}
