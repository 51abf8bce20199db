import { Query } from '@nestjs/cqrs';
import { Page } from '@tradehub/kernel';
import { StoreScope } from '@tradehub/platform';
import { ReviewTaskResponse } from '../../views/review-task.response';
import { ReviewQueueRequest } from './review-queue.request.dto';

/** The operations queue, oldest first (FUL-4, FUL-5). */
export class ReviewQueueQuery extends Query<Page<ReviewTaskResponse>> {
  constructor(
    readonly filter: ReviewQueueRequest,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

export class GetReviewTaskQuery extends Query<ReviewTaskResponse> {
  constructor(
    readonly taskId: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

/** FUL-5: the stored proof PDF, for callers who may see the task. */
export class GetProofFileQuery extends Query<{ bytes: Buffer; fileName: string }> {
  constructor(
    readonly taskId: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
