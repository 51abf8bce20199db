import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope, uuidParam } from '@tradehub/platform';
import { RuleViolation } from '@tradehub/kernel';
import { GetOrderQuery } from '../../queries/get-order/get-order.query';
import { OrderResponse } from '../../views/order.response';
import { CancelOrderCommand } from './cancel-order.command';
import { CancelOrderRequest } from './cancel-order.request.dto';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class CancelOrderController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** ORD-5 */
  @Post(':orderId/cancel')
  @RequiredScope('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an order before shipment (buyer request or seller with a reason)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: OrderResponse })
  async cancel(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @Body() body: CancelOrderRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrderResponse> {
    const sellerSide = principal.kind === 'seller_staff' || principal.kind === 'partner_app';
    if (sellerSide && body.initiator !== 'SELLER') {
      throw new RuleViolation(
        'INITIATOR_NOT_ALLOWED',
        'sellers and their apps cancel as SELLER',
        'initiator',
      );
    }
    const scope = StoreScope.of(principal);
    await this.commands.execute(new CancelOrderCommand(orderId, body, scope));
    return this.queries.execute(new GetOrderQuery(orderId, scope));
  }
}
