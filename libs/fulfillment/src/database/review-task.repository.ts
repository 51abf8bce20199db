import { Injectable } from '@nestjs/common';
import { Tx } from '@tradehub/platform';
import { ReviewTask, ReviewTaskKind } from '../domain';

/** Loads the operations review tasks of FUL-4 and FUL-5 for a transaction. */
@Injectable()
export class ReviewTaskRepository {
  findById(tx: Tx, id: string, forUpdate = false): Promise<ReviewTask | null> {
    return tx.findById(ReviewTask, id, forUpdate);
  }

  findOpen(tx: Tx, packageId: string, kind: ReviewTaskKind): Promise<ReviewTask | null> {
    return tx.em.findOne(ReviewTask, { packageId, kind, status: 'OPEN' });
  }
}
