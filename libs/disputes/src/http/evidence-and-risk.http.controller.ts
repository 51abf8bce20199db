import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Page, ValidationError } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  readFilePart,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { UploadEvidenceCommand } from '../commands/evidence/upload-evidence';
import type { EvidenceRef } from '../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../disputes.config';
import {
  DisputeRateQuery,
  GetEvidenceQuery,
  GetOrderRiskQuery,
  RiskBoardQuery,
} from '../queries/disputes.queries';
import { EvidenceResponse } from '../views/refund-request.response';
import { DisputeRateResponse, OrderRiskResponse, RiskBoardPageResponse } from '../views/risk.response';
import { DisputeRateDto, RiskBoardDto } from './disputes.dto';

const SHA256 = /^[0-9a-f]{64}$/;

/** Evidence files (DSP-1, DSP-3), the dispute early-warning board (DSP-5) and the dispute rate (DSP-6). */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('v1/disputes')
export class EvidenceAndRiskController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  @Post('evidence')
  @RequiredScope('refunds:write')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Upload one evidence file (PDF, JPEG or PNG, checked by content); name it by sha256 in requests and answers',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'PDF, JPEG or PNG, at most EVIDENCE_MAX_BYTES',
        },
      },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EvidenceResponse })
  async upload(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EvidenceRef> {
    const file = await readFilePart(request, this.policy.maxEvidenceBytes, 'the evidence file');
    return this.commands.execute(new UploadEvidenceCommand(file.bytes, file.fileName, principal.id));
  }

  @Get('requests/:requestId/evidence/:sha256')
  @RequiredScope('refunds:read')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'An evidence file the request names, to callers who may see the request' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async evidence(
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Param('sha256') sha256: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    if (!SHA256.test(sha256)) throw new ValidationError('must be the sha256 (hex) of a file', 'sha256');
    const file = await this.queries.execute(
      new GetEvidenceQuery(StoreScope.of(principal), requestId, sha256),
    );
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      disposition: `inline; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    });
  }

  @Get('risk-board')
  @RequiredScope('refunds:read')
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({
    summary:
      "DSP-5: open orders of the caller's stores by dispute-risk score, with reasons (default: the high-risk list)",
  })
  @ApiOkResponse({ type: RiskBoardPageResponse })
  board(
    @Query() q: RiskBoardDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<OrderRiskResponse>> {
    const level = q.level ?? 'HIGH';
    return this.queries.execute(
      new RiskBoardQuery(StoreScope.of(principal), {
        storeId: q.storeId,
        signal: q.signal,
        level: level === 'ANY' ? undefined : level,
        minScore: q.minScore,
        sort: q.sort ?? 'score',
        cursor: q.cursor,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Get('orders/:orderId/risk')
  @RequiredScope('refunds:read')
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({ summary: "DSP-5: one order's dispute-risk score and its reasons" })
  @ApiOkResponse({ type: OrderRiskResponse })
  orderRisk(
    @Param('orderId', uuidParam('orderId')) orderId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrderRiskResponse> {
    return this.queries.execute(new GetOrderRiskQuery(StoreScope.of(principal), orderId));
  }

  @Get('dispute-rate')
  @RequiredScope('refunds:read')
  @ApiOperation({
    summary:
      'DSP-6: orders with a dispute opened in the window / orders in the window, per store the caller may see',
  })
  @ApiOkResponse({ type: [DisputeRateResponse] })
  rate(@Query() q: DisputeRateDto, @CurrentPrincipal() principal: Principal): Promise<DisputeRateResponse[]> {
    return this.queries.execute(
      new DisputeRateQuery(StoreScope.of(principal), q.storeId ?? null, q.windowDays ?? null),
    );
  }
}
