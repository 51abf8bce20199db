import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  readFilePart,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { type FulfillmentPolicy } from '../../domain';
import { FULFILLMENT_POLICY } from '../../fulfillment.config';
import { ReviewTaskResponse } from '../../views/review-task.response';
import { UploadProofCommand } from './upload-proof.command';

@ApiTags('fulfillment')
@ApiBearerAuth()
@Controller('v1/packages')
export class UploadProofController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(FULFILLMENT_POLICY) private readonly policy: FulfillmentPolicy,
  ) {}

  /** FUL-5 */
  @Post(':packageId/proofs')
  @RequiredScope('shipments:write')
  @HttpCode(201)
  @AllowedCallers('seller_staff', 'partner_app', 'operator')
  @ApiOperation({
    summary: "Upload the carrier's pickup proof (PDF) when the number is right but the track is missing",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PDF, at most PROOF_MAX_BYTES' } },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ReviewTaskResponse })
  async upload(
    @Param('packageId', uuidParam('packageId')) packageId: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewTaskResponse> {
    const file = await readFilePart(request, this.policy.maxProofBytes, 'the proof');
    return this.commands.execute(
      new UploadProofCommand(packageId, file, StoreScope.of(principal), principal.id),
    );
  }
}
