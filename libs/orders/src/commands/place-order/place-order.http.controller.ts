import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  problem,
  ProblemException,
  RequiredScope,
  StoreScope,
} from '@tradehub/platform';
import { OrderNotFound } from '../../domain/order.errors';
import { OrderResponse, toOrderResponse } from '../../views/order.response';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request.dto';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class PlaceOrderController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** ORD-1: internal ingest for checkout; idempotent on the marketplace order id. */
  @Post()
  @RequiredScope('orders:write')
  @HttpCode(201)
  @AllowedCallers('service', 'operator')
  @ApiOperation({ summary: 'Ingest a paid order (internal, for checkout)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: OrderResponse, description: 'Order created' })
  @ApiOkResponse({ type: OrderResponse, description: 'Already ingested: the existing order' })
  @ApiForbiddenResponse({
    description: "`STORE_NOT_GRANTED`: the order's store is outside the caller's grant.",
  })
  async place(
    @Body() body: PlaceOrderRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrderResponse> {
    const scope = StoreScope.of(principal);
    // API-2: a caller limited to some stores ingests only for them.
    if (!scope.allows(body.storeId)) {
      throw new ProblemException(
        problem(403, 'STORE_NOT_GRANTED', 'the caller is not granted this store', [
          { field: 'storeId', message: 'not granted' },
        ]),
      );
    }
    const { created, order } = await this.commands.execute(new PlaceOrderCommand(body));
    void reply.status(created ? 201 : 200);
    // API-2: an order found under this marketplace id in a store outside the grant stays hidden.
    const shown = scope.reveal(
      order,
      (o) => o.storeId,
      () => new OrderNotFound(),
    );
    return toOrderResponse(shown, this.clock.now());
  }
}
