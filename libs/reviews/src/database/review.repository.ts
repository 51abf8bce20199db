import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, encodeCursor, type Page } from '@tradehub/kernel';
import type { StoreScope, Tx } from '@tradehub/platform';
import { Review } from '../domain';

export interface ReviewFilter {
  storeId?: string;
  rating?: number;
  hasReply?: boolean;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Reviews: loaded to change (locked) and listed newest first. */
@Injectable()
export class ReviewRepository {
  find(tx: Tx, id: string, forUpdate = true): Promise<Review | null> {
    return tx.findById(Review, id, forUpdate);
  }

  async findBy(tx: Tx, column: 'marketplace_review_id' | 'order_id', value: string): Promise<Review | null> {
    const [row] = await tx.query<Record<string, unknown>>(
      `select * from reviews.reviews where ${column} = ?`,
      [value],
    );
    return row ? tx.track(Review, row as never) : null;
  }

  async page(tx: Tx, scope: StoreScope, f: ReviewFilter): Promise<Page<Review>> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.storeId) add('store_id = ?', f.storeId);
    if (f.rating !== undefined) add('overall = ?', f.rating);
    if (f.hasReply !== undefined) where.push(f.hasReply ? 'reply is not null' : 'reply is null');
    if (f.from) add('reviewed_at >= ?', new Date(f.from));
    if (f.to) add('reviewed_at < ?', new Date(f.to));
    if (f.cursor) {
      const { at, id } = decodeTimeCursor(f.cursor);
      add('(reviewed_at, id) < (?, ?)', new Date(at), id);
    }
    const rows = await tx.query<Record<string, unknown>>(
      `select * from reviews.reviews ${where.length ? `where ${where.join(' and ')}` : ''}
        order by reviewed_at desc, id desc limit ?`,
      [...params, f.limit + 1],
    );
    const items = rows.slice(0, f.limit).map((row) => tx.track(Review, row as never));
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > f.limit && last ? encodeCursor([last.reviewedAt.toISOString(), last.id]) : null,
    };
  }
}
