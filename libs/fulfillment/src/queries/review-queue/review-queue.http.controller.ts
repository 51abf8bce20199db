import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Page } from '@tradehub/kernel';
import { CurrentPrincipal, type Principal, RequiredScope, StoreScope, uuidParam } from '@tradehub/platform';
import { ReviewTaskResponse } from '../../views/review-task.response';
import { GetProofFileQuery, GetReviewTaskQuery, ReviewQueueQuery } from './review-queue.queries';
import { ReviewQueueRequest } from './review-queue.request.dto';

export class ReviewTaskPageResponse implements Page<ReviewTaskResponse> {
  @ApiProperty({ type: [ReviewTaskResponse] }) items!: ReviewTaskResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Operators see every store's tasks; sellers see (not decide) their own stores' tasks. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/review-tasks')
export class ReviewQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequiredScope('orders:read')
  @ApiOperation({
    summary: 'Review queue: logistics proofs and abnormal-logistics cases, oldest first, with their SLA',
  })
  @ApiOkResponse({ type: ReviewTaskPageResponse })
  list(
    @Query() filter: ReviewQueueRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ReviewTaskResponse>> {
    return this.queries.execute(new ReviewQueueQuery(filter, StoreScope.of(principal)));
  }

  @Get(':taskId')
  @RequiredScope('orders:read')
  @ApiOperation({ summary: 'One review task with its proof file and SLA' })
  @ApiOkResponse({ type: ReviewTaskResponse })
  get(
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewTaskResponse> {
    return this.queries.execute(new GetReviewTaskQuery(taskId, StoreScope.of(principal)));
  }

  @Get(':taskId/proof')
  @RequiredScope('orders:read')
  @Header('content-type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The proof PDF of a task (FUL-5)' })
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  async proof(
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const { bytes, fileName } = await this.queries.execute(
      new GetProofFileQuery(taskId, StoreScope.of(principal)),
    );
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    });
  }
}
