import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Page } from '@tradehub/kernel';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope } from '@tradehub/platform';
import { OrderResponse } from '../../views/order.response';
import { ListOrdersQuery } from './list-orders.query';
import { ListOrdersRequest } from './list-orders.request.dto';

export class OrderPageResponse implements Page<OrderResponse> {
  @ApiProperty({ type: [OrderResponse] }) items!: OrderResponse[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null at the end',
  })
  nextCursor!: string | null;
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class ListOrdersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequiredScope('orders:read')
  @ApiOperation({ summary: 'Orders across every store the caller may see (ORD-6), cursor-paginated' })
  @ApiOkResponse({ type: OrderPageResponse })
  list(
    @Query() filter: ListOrdersRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<OrderResponse>> {
    return this.queries.execute(new ListOrdersQuery(filter, StoreScope.of(principal)));
  }
}
