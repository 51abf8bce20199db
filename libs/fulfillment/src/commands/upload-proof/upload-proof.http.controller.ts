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
import type {} from '@fastify/multipart';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  problem,
  ProblemException,
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
    const file = await readPdfPart(request, this.policy.maxProofBytes);
    return this.commands.execute(
      new UploadProofCommand(packageId, file, StoreScope.of(principal), principal.id),
    );
  }
}

/** Reads the single `file` part; wrong media type, a missing part or an oversize file are 4xx naming the field. */
async function readPdfPart(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new ProblemException(
      problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the proof as multipart/form-data with a `file` part', [
        { field: 'content-type', message: 'must be multipart/form-data' },
      ]),
    );
  }
  const part = await request
    .file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } })
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  if (!part || part.fieldname !== 'file') {
    throw new ProblemException(
      problem(400, 'VALIDATION_FAILED', 'a `file` part with the PDF is required', [
        { field: 'file', message: 'is required' },
      ]),
    );
  }
  const tooLarge = (): ProblemException =>
    new ProblemException(
      problem(413, 'FILE_TOO_LARGE', `the proof exceeds ${maxBytes} bytes`, [
        { field: 'file', message: `exceeds ${maxBytes} bytes` },
      ]),
    );
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw unreadable(error);
  }
  // A per-request limit cuts the stream short instead of throwing: a truncated file is too large.
  if (part.file.truncated) throw tooLarge();
  return { bytes, fileName: part.filename || 'proof.pdf' };
}

/** The multipart parser reports a body it cannot read (no boundary, cut short) as a plain Error: the client's fault. */
function unreadable(error: unknown): unknown {
  if (typeof (error as { statusCode?: unknown }).statusCode === 'number') return error;
  return new ProblemException(
    problem(400, 'MALFORMED_MULTIPART', 'the multipart body cannot be read', [
      { field: 'file', message: 'is not readable multipart/form-data' },
    ]),
  );
}
