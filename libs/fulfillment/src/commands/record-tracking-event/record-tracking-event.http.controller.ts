import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
} from '@tradehub/platform';
import { RecordTrackingEventCommand } from './record-tracking-event.command';
import { TrackingEventRequest, TrackingEventResult } from './tracking-event.request.dto';

@ApiTags('fulfillment')
@ApiBearerAuth()
@Controller('v1/tracking-events')
export class RecordTrackingEventController {
  constructor(private readonly commands: CommandBus) {}

  /** Internal, for the logistics team (the same events also arrive on its Kafka topic). */
  @Post()
  @RequiredScope('tracking:write')
  @HttpCode(200)
  @AllowedCallers('service', 'operator')
  @ApiOperation({ summary: 'Report a carrier tracking event (pickup, in transit, exception, delivered)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: TrackingEventResult })
  @ApiNotFoundResponse({
    description:
      "No package with this number in the caller's stores (scans of unused numbers are parked only for callers that see every store)",
  })
  record(
    @Body() body: TrackingEventRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TrackingEventResult> {
    return this.commands.execute(new RecordTrackingEventCommand(body, StoreScope.of(principal)));
  }
}
