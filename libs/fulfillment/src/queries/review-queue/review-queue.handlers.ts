import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  CLOCK,
  type Clock,
  decodeTimeCursor,
  encodeCursor,
  NotFoundError,
  Page,
  ValidationError,
} from '@tradehub/kernel';
import { FILE_STORAGE, type FileStorage, UnitOfWork } from '@tradehub/platform';
import { ReviewTaskRepository } from '../../database/review-task.repository';
import { ReviewTask, ReviewTaskNotFound } from '../../domain';
import { ReviewTaskResponse, toReviewTaskResponse } from '../../views/review-task.response';
import { GetProofFileQuery, GetReviewTaskQuery, ReviewQueueQuery } from './review-queue.queries';

@QueryHandler(ReviewQueueQuery)
export class ReviewQueueHandler implements IQueryHandler<ReviewQueueQuery, Page<ReviewTaskResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, scope }: ReviewQueueQuery): Promise<Page<ReviewTaskResponse>> {
    const where = ['status = ?'];
    const params: unknown[] = [filter.status ?? 'OPEN'];
    scope.restrict(where, params);
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.storeId) {
      where.push('store_id = ?');
      params.push(filter.storeId);
    }
    if (filter.cursor) {
      const { prefix, at: openedAt, id } = decodeTimeCursor(filter.cursor);
      if (prefix.length !== 0) throw new ValidationError('is not a cursor of this list', 'cursor');
      where.push('(opened_at, id) > (?::timestamptz, ?::uuid)');
      params.push(openedAt, id);
    }
    const limit = filter.limit ?? 50;
    const reader = this.uow.reader();
    const rows = await reader.query(
      `select * from fulfillment.review_tasks where ${where.join(' and ')} order by opened_at, id limit ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit).map((row) => reader.track(ReviewTask, row));
    const last = page.at(-1);
    const now = this.clock.now();
    return {
      items: page.map((task) => toReviewTaskResponse(task, now)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.openedAt.toISOString(), last.id]) : null,
    };
  }
}

@QueryHandler(GetReviewTaskQuery)
export class GetReviewTaskHandler implements IQueryHandler<GetReviewTaskQuery, ReviewTaskResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, scope }: GetReviewTaskQuery): Promise<ReviewTaskResponse> {
    const task = scope.reveal(
      await this.tasks.findById(this.uow.reader(), taskId),
      (t) => t.snapshot.storeId,
      () => new ReviewTaskNotFound(),
    );
    return toReviewTaskResponse(task, this.clock.now());
  }
}

@QueryHandler(GetProofFileQuery)
export class GetProofFileHandler implements IQueryHandler<
  GetProofFileQuery,
  { bytes: Buffer; fileName: string }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: ReviewTaskRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async execute({ taskId, scope }: GetProofFileQuery): Promise<{ bytes: Buffer; fileName: string }> {
    const task = scope.reveal(
      await this.tasks.findById(this.uow.reader(), taskId),
      (t) => t.snapshot.storeId,
      () => new ReviewTaskNotFound(),
    );
    const proof = task.snapshot.proof;
    const bytes = proof ? await this.storage.get(proof.sha256) : null;
    if (!proof || !bytes) throw new NotFoundError('PROOF_NOT_FOUND', 'this task has no stored proof');
    return { bytes, fileName: proof.fileName };
  }
}
