import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { PackageResponse } from '../../views/package.response';
import { ConfirmShipmentCommand } from './confirm-shipment.command';
import { ConfirmShipmentRequest } from './confirm-shipment.request.dto';

@ApiTags('fulfillment')
@ApiBearerAuth()
@Controller('v1/orders')
export class ConfirmShipmentController {
  constructor(private readonly commands: CommandBus) {}

  /** FUL-1, FUL-2 */
  @Post(':orderId/shipments')
  @RequiredScope('shipments:write')
  @HttpCode(201)
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({
    summary:
      'Confirm shipment of an order, whole or one package, with an approved carrier and tracking number',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PackageResponse })
  ship(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @Body() body: ConfirmShipmentRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PackageResponse> {
    return this.commands.execute(new ConfirmShipmentCommand(orderId, body, StoreScope.of(principal)));
  }
}
