import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Page, ValidationError } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { QuoteFxCommand } from '../commands/fx/fx.commands';
import { RequestWithdrawalCommand } from '../commands/withdraw/withdraw.command';
import { GetWithdrawalQuery, ListWithdrawalsQuery } from '../queries/settlement.queries';
import { FxQuoteResponse, WithdrawalPageResponse, WithdrawalResponse } from '../views/settlement.responses';
import { quoteView, withdrawalView } from '../views/settlement.views';
import { FxQuoteRequestDto, WithdrawalRequestDto, WithdrawalsRequestDto } from './settlement.dto';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/settlement')
export class WithdrawalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('fx-quotes')
  @RequiredScope('settlement:write')
  @AllowedCallers('seller_staff', 'partner_app', 'service')
  @ApiOperation({
    summary: 'SET-4: a quote to convert a balance currency to CNY at the treasury rate, no spread; expires',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: FxQuoteResponse })
  async quote(
    @Body() body: FxQuoteRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FxQuoteResponse> {
    return quoteView(
      await this.commands.execute(new QuoteFxCommand(body.storeId, body.from, StoreScope.of(principal))),
    );
  }

  @Post('withdrawals')
  @RequiredScope('settlement:write')
  @AllowedCallers('seller_staff', 'partner_app', 'service')
  @ApiOperation({
    summary: 'SET-4: withdraw from the available balance, in its currency or converted to CNY at a quote',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Required: a retry answers the first withdrawal',
  })
  @ApiCreatedResponse({ type: WithdrawalResponse })
  async withdraw(
    @Body() body: WithdrawalRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WithdrawalResponse> {
    if (!key) throw new ValidationError('a withdrawal needs an Idempotency-Key header', 'idempotency-key');
    const withdrawal = await this.commands.execute(
      new RequestWithdrawalCommand(
        body.storeId,
        body.amount.currency,
        body.amount.minor,
        body.quoteId ?? null,
        key,
        principal.id,
        StoreScope.of(principal),
      ),
    );
    return withdrawalView(withdrawal);
  }

  @Get('withdrawals')
  @RequiredScope('settlement:read')
  @ApiOperation({ summary: 'Withdrawals of the visible stores, newest first, cursor-paginated' })
  @ApiOkResponse({ type: WithdrawalPageResponse })
  list(
    @Query() q: WithdrawalsRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<WithdrawalResponse>> {
    return this.queries.execute(
      new ListWithdrawalsQuery(StoreScope.of(principal), q.storeId, q.limit ?? 50, q.cursor),
    );
  }

  @Get('withdrawals/:id')
  @RequiredScope('settlement:read')
  @ApiOperation({ summary: 'One withdrawal: amounts, rate and quote, status, entries' })
  @ApiOkResponse({ type: WithdrawalResponse })
  get(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WithdrawalResponse> {
    return this.queries.execute(new GetWithdrawalQuery(StoreScope.of(principal), id));
  }
}
