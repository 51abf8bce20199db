import { Body, Controller, HttpCode, Logger, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  toProblem,
} from '@tradehub/platform';
import { ConfirmShipmentCommand, PreviewShipmentCommand } from '../confirm-shipment/confirm-shipment.command';
import {
  BatchItemResult,
  ConfirmShipmentBatchRequest,
  ConfirmShipmentBatchResponse,
} from './confirm-shipment-batch.dto';

@ApiTags('fulfillment')
@ApiBearerAuth()
@Controller('v1/shipments')
export class ConfirmShipmentBatchController {
  private readonly logger = new Logger(ConfirmShipmentBatchController.name);

  constructor(private readonly commands: CommandBus) {}

  /**
   * FUL-1, FUL-2 in bulk: each item runs as its own confirm-shipment (its own transaction), so
   * partial success is normal and nothing is half-applied inside an item.
   */
  @Post('batch')
  @RequiredScope('shipments:write')
  @HttpCode(200)
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({
    summary:
      'Confirm shipment for many orders in one call, with a result per item; or, with dryRun, what each would come to',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: ConfirmShipmentBatchResponse })
  async shipMany(
    @Body() body: ConfirmShipmentBatchRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConfirmShipmentBatchResponse> {
    const scope = StoreScope.of(principal);
    const results: BatchItemResult[] = [];
    const dryRun = body.dryRun === true;
    for (const [index, { orderId, ...item }] of body.items.entries()) {
      try {
        const confirmation = new ConfirmShipmentCommand(orderId, item, scope);
        if (dryRun) {
          await this.commands.execute(new PreviewShipmentCommand(confirmation));
          results.push({ index, orderId, outcome: 'WOULD_SHIP' });
          continue;
        }
        const pkg = await this.commands.execute(confirmation);
        results.push({ index, orderId, outcome: 'SHIPPED', package: pkg });
      } catch (error) {
        const { status, code, detail, errors } = toProblem(error);
        if (status >= 500) this.logger.error(`batch item ${index} failed: ${String(error)}`);
        results.push({
          index,
          orderId,
          outcome: 'FAILED',
          problem: { status, code, detail: detail ?? '', ...(errors ? { errors } : {}) },
        });
      }
    }
    const shipped = results.filter((r) => r.outcome !== 'FAILED').length;
    return { dryRun, shipped, failed: results.length - shipped, results };
  }
}
