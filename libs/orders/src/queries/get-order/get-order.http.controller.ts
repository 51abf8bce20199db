import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope, uuidParam } from '@tradehub/platform';
import { OrderResponse } from '../../views/order.response';
import { GetOrderQuery } from './get-order.query';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class GetOrderController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':orderId')
  @RequiredScope('orders:read')
  @ApiOperation({ summary: 'One order with its deadlines' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: 'No such order in the stores granted to the caller' })
  get(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrderResponse> {
    return this.queries.execute(new GetOrderQuery(orderId, StoreScope.of(principal)));
  }
}
