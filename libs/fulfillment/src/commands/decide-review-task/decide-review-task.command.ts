import { Command } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { ReviewTaskResponse } from '../../views/review-task.response';
import { DecideReviewTaskRequest } from './decide-review-task.dto';

/** FUL-4, FUL-5, FUL-6 */
export class DecideReviewTaskCommand extends Command<ReviewTaskResponse> {
  constructor(
    readonly taskId: string,
    readonly request: DecideReviewTaskRequest,
    readonly decidedBy: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
