import { api } from '../api/client';
import type { Page } from '../api/types';
import { startOfLocalDay, startOfNextLocalDay } from '../format/time';
import type { RatingsOverview, Review, ReviewFilters } from './types';

/**
 * REV-2: the most characters a reply may have, as the server's REVIEW_REPLY_MAX_CHARS default
 * (ReplyDto's description); counted as the server counts them, in code points. A server set to
 * less answers with a message for `text`, shown beside the field.
 */
export const MAX_REPLY_CHARS = 1000;

/** Characters as a reader and the server count them: an emoji or a CJK character is one. */
export const lengthOf = (text: string): number => [...text].length;

/** REV-3..5 for one store ('' for every store the person may see). */
export const loadRatings = (storeId: string, signal: AbortSignal): Promise<RatingsOverview> =>
  api<RatingsOverview>('/v1/reviews/ratings', { query: { storeId: storeId || undefined }, signal });

/** One page of reviews, newest first. */
export const loadReviewPage = (
  filters: ReviewFilters,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Review>> =>
  api<Page<Review>>('/v1/reviews', {
    query: {
      storeId: filters.storeId || undefined,
      hasReply: filters.hasReply || undefined,
      rating: filters.rating || undefined,
      from: filters.fromDay ? startOfLocalDay(filters.fromDay) : undefined,
      to: filters.toDay ? startOfNextLocalDay(filters.toDay) : undefined,
      limit,
      cursor,
    },
    signal,
  });

export const loadReview = (reviewId: string): Promise<Review> =>
  api<Review>(`/v1/reviews/${encodeURIComponent(reviewId)}`);

/** REV-2: the seller's one reply; answers the review with it. */
export const replyToReview = (reviewId: string, text: string): Promise<Review> =>
  api<Review>(`/v1/reviews/${encodeURIComponent(reviewId)}/reply`, { method: 'POST', body: { text } });
