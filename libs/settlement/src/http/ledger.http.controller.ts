import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@tradehub/kernel';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope, uuidParam } from '@tradehub/platform';
import {
  GetBalancesQuery,
  GetPayoutCycleQuery,
  GetReleaseScheduleQuery,
  GetSettlementOrderQuery,
  ListEntriesQuery,
} from '../queries/settlement.queries';
import {
  BalanceResponse,
  EntryPageResponse,
  type EntryResponse,
  PayoutCycleResponse,
  ReleaseScheduleResponse,
  SettlementOrderResponse,
} from '../views/settlement.responses';
import { EntriesRequestDto, StoreFilterDto } from './settlement.dto';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/settlement')
export class LedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get('balances')
  @RequiredScope('settlement:read')
  @ApiOperation({
    summary:
      "The visible stores' balances per currency: frozen, available (may be negative), in payout (SET-4, SET-5)",
  })
  @ApiOkResponse({ type: [BalanceResponse] })
  balances(@Query() q: StoreFilterDto, @CurrentPrincipal() principal: Principal): Promise<BalanceResponse[]> {
    return this.queries.execute(new GetBalancesQuery(StoreScope.of(principal), q.storeId ?? null));
  }

  @Get('entries')
  @RequiredScope('settlement:read')
  @ApiOperation({ summary: 'Ledger entries with their postings, newest first, cursor-paginated (SET-6)' })
  @ApiOkResponse({ type: EntryPageResponse })
  entries(
    @Query() q: EntriesRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<EntryResponse>> {
    return this.queries.execute(new ListEntriesQuery(StoreScope.of(principal), q));
  }

  @Get('orders/:orderId')
  @RequiredScope('settlement:read')
  @ApiOperation({
    summary:
      "One order's settlement timeline: fund status, deadlines, hold reasons, decisions, refunds, entries",
  })
  @ApiOkResponse({ type: SettlementOrderResponse })
  order(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettlementOrderResponse> {
    return this.queries.execute(new GetSettlementOrderQuery(StoreScope.of(principal), orderId));
  }

  @Get('release-schedule')
  @RequiredScope('settlement:read')
  @ApiOperation({
    summary:
      "SET-3: the visible stores' frozen proceeds by the UTC day they unfreeze, per currency, and what held reviews keep frozen",
  })
  @ApiOkResponse({ type: ReleaseScheduleResponse })
  releaseSchedule(
    @Query() q: StoreFilterDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReleaseScheduleResponse> {
    return this.queries.execute(new GetReleaseScheduleQuery(StoreScope.of(principal), q.storeId));
  }

  @Get('payout-cycle')
  @RequiredScope('settlement:read')
  @ApiOperation({ summary: 'SET-7: the average payout cycle (delivery to release) of released orders' })
  @ApiOkResponse({ type: PayoutCycleResponse })
  payoutCycle(
    @Query() q: StoreFilterDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PayoutCycleResponse> {
    return this.queries.execute(new GetPayoutCycleQuery(StoreScope.of(principal), q.storeId));
  }
}
