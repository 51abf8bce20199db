import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
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
  uuidParam,
} from '@tradehub/platform';
import { OpenRequestCommand } from '../commands/open-request/open-request.command';
import { OpenRequestMessage } from '../commands/open-request/open-request.message';
import { AnswerOfferCommand, ShipReturnCommand } from '../commands/request-actions/request-actions.commands';
import { RecordReturnScanCommand, ReturnScanResult } from '../commands/return-tracking/record-return-scan';
import { ReturnScanMessage } from '../commands/return-tracking/return-scan.message';
import { GetRequestQuery } from '../queries/disputes.queries';
import { RefundRequestResponse } from '../views/refund-request.response';
import { OfferAnswerDto, ReturnShipmentDto } from './disputes.dto';

/**
 * The buyer-facing and logistics teams' internal endpoints (also on their Kafka topics): a buyer's
 * request, the buyer's answer to an offer, the return parcel and its scans.
 */
@ApiTags('disputes (internal)')
@ApiBearerAuth()
@Controller('v1/disputes')
export class BuyerSideController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('requests')
  @RequiredScope('refunds:write')
  @HttpCode(201)
  @AllowedCallers('service', 'operator')
  @ApiOperation({
    summary:
      "A buyer's refund request on a shipped or delivered order; idempotent on the marketplace's requestId",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RefundRequestResponse, description: 'Request opened' })
  @ApiOkResponse({ type: RefundRequestResponse, description: 'Already received: the same request' })
  async open(
    @Body() body: OpenRequestMessage,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    const { requestId, created } = await this.commands.execute(
      new OpenRequestCommand(body, StoreScope.of(principal).storeIds(), principal.id),
    );
    void reply.status(created ? 201 : 200);
    return this.queries.execute(new GetRequestQuery(StoreScope.all(), requestId));
  }

  @Post('requests/:requestId/offer-answer')
  @RequiredScope('refunds:write')
  @HttpCode(200)
  @AllowedCallers('service', 'operator')
  @ApiOperation({
    summary: "The buyer accepted (refund follows) or declined (arbitration) the seller's partial offer",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async offerAnswer(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: OfferAnswerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    await this.commands.execute(
      new AnswerOfferCommand({ id: requestId }, body.answer, StoreScope.of(principal)),
    );
    return this.queries.execute(new GetRequestQuery(StoreScope.all(), requestId));
  }

  @Post('requests/:requestId/return-shipment')
  @RequiredScope('refunds:write')
  @HttpCode(200)
  @AllowedCallers('service', 'operator')
  @ApiOperation({ summary: 'DSP-3: the buyer shipped the return parcel under its own tracking number' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RefundRequestResponse })
  async returnShipment(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ReturnShipmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RefundRequestResponse> {
    await this.commands.execute(
      new ShipReturnCommand(
        { id: requestId },
        body.carrierCode,
        body.trackingNumber,
        StoreScope.of(principal),
      ),
    );
    return this.queries.execute(new GetRequestQuery(StoreScope.all(), requestId));
  }

  @Post('return-tracking-events')
  @RequiredScope('tracking:write')
  @HttpCode(200)
  @AllowedCallers('service', 'operator')
  @ApiOperation({
    summary: "DSP-3: a return parcel's scan; DELIVERED starts the seller's 48-hour inspection",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: ReturnScanResult })
  scan(@Body() body: ReturnScanMessage): Promise<ReturnScanResult> {
    return this.commands.execute(new RecordReturnScanCommand(body));
  }
}
