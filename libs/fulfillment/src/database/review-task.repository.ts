import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/postgresql';
import { Tx } from '@tradehub/platform';
import { ReviewTask, ReviewTaskKind } from '../domain';

/** Loads the operations review tasks of FUL-4 and FUL-5 for a transaction. */
@Injectable()
export class ReviewTaskRepository {
  findById(tx: Tx, id: string, forUpdate = false): Promise<ReviewTask | null> {
    return tx.em.findOne(
      ReviewTask,
      { id },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
  }

  findOpen(tx: Tx, packageId: string, kind: ReviewTaskKind): Promise<ReviewTask | null> {
    return tx.em.findOne(ReviewTask, { packageId, kind, status: 'OPEN' });
  }
}
