import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  StoreScope,
  uuidParam,
} from '@tradehub/platform';
import { ReviewTaskResponse } from '../../views/review-task.response';
import { DecideReviewTaskCommand } from './decide-review-task.command';
import { DecideReviewTaskRequest } from './decide-review-task.dto';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/review-tasks')
export class DecideReviewTaskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':taskId/decision')
  @RequiredScope('review-tasks:decide')
  @HttpCode(200)
  @AllowedCallers('operator')
  @ApiOperation({
    summary:
      'Decide a review task: accept or reject a proof, close an abnormal case, or confirm a fake shipment',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: ReviewTaskResponse })
  decide(
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body() body: DecideReviewTaskRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewTaskResponse> {
    return this.commands.execute(
      new DecideReviewTaskCommand(taskId, body, principal.id, StoreScope.of(principal)),
    );
  }
}
