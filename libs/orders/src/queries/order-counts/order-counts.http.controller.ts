import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope } from '@tradehub/platform';
import { OrderCountsRequest, OrderCountsResponse } from './order-counts.dto';
import { OrderCountsQuery } from './order-counts.query';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrderCountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('counts')
  @RequiredScope('orders:read')
  @ApiOperation({
    summary: "Counts for the console's tabs: per status, overdue, abnormal logistics, under review",
  })
  @ApiOkResponse({ type: OrderCountsResponse })
  counts(
    @Query() filter: OrderCountsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrderCountsResponse> {
    return this.queries.execute(new OrderCountsQuery(filter, StoreScope.of(principal)));
  }
}
