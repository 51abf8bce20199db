import { useCallback, useState } from 'react';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { useCursorPages } from '../common/useCursorPages';
import { loadReviewPage } from './loaders';
import { useReviewsMessages } from './messages';
import { ReviewItem } from './ReviewItem';
import { Section } from '../common/Section';
import type { Review, ReviewFilters } from './types';

const PAGE_SIZE = 20;
const STARS = [5, 4, 3, 2, 1] as const;

type ListFilters = Omit<ReviewFilters, 'storeId'>;
const NO_FILTERS: ListFilters = { hasReply: '', rating: '', fromDay: '', toDay: '' };

interface ReviewsSectionProps {
  /** One store, '' for every store the person reaches; null: nothing to read (yet). */
  storeId: string | null;
  /** The person may reply (reviews:write); read-only staff see the reviews only. */
  canReply: boolean;
  /** A reply was sent to the review of this order. */
  onReplied: (orderId: string) => void;
}

/**
 * The reviews, newest first, a page at a time, with the filters the list API has: awaiting a reply
 * or replied, the overall rating, and the days reviewed. Each review takes its one reply (REV-2).
 */
export function ReviewsSection({ storeId, canReply, onReplied }: ReviewsSectionProps) {
  const { v } = useReviewsMessages();
  const c = useCommonMessages();
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const all: ReviewFilters = { storeId: storeId ?? '', ...filters };
  const key =
    storeId === null
      ? null
      : [storeId, filters.hasReply, filters.rating, filters.fromDay, filters.toDay].join('|');
  const list = useCursorPages(key, (cursor, signal) => loadReviewPage(all, PAGE_SIZE, cursor, signal));
  const { edit } = list;
  const filtered = Object.values(filters).some((value) => value !== '');

  const set = <K extends keyof ListFilters>(name: K, value: ListFilters[K]) =>
    setFilters((before) => ({ ...before, [name]: value }));

  /** The review as it is now, with its reply: it stays where it is in the list. */
  const changed = useCallback(
    (review: Review) => edit((items) => items.map((r) => (r.id === review.id ? review : r))),
    [edit],
  );

  return (
    <Section title={v.reviewsHeading} className="reviews-section">
      <div className="filters">
        <div className="field">
          <label htmlFor="reviews-replies">{v.replies}</label>
          <select
            id="reviews-replies"
            value={filters.hasReply}
            onChange={(event) => set('hasReply', event.target.value as ListFilters['hasReply'])}
          >
            <option value="">{v.allReviews}</option>
            <option value="false">{v.awaitingReply}</option>
            <option value="true">{v.replied}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="reviews-rating">{v.rating}</label>
          <select
            id="reviews-rating"
            value={filters.rating}
            onChange={(event) => set('rating', event.target.value as ListFilters['rating'])}
          >
            <option value="">{v.allRatings}</option>
            {STARS.map((stars) => (
              <option key={stars} value={String(stars)}>
                {v.ratingOption(stars)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reviews-from">{v.fromDay}</label>
          <input
            id="reviews-from"
            type="date"
            value={filters.fromDay}
            max={filters.toDay || undefined}
            onChange={(event) => set('fromDay', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="reviews-to">{v.toDay}</label>
          <input
            id="reviews-to"
            type="date"
            value={filters.toDay}
            min={filters.fromDay || undefined}
            onChange={(event) => set('toDay', event.target.value)}
          />
        </div>
      </div>
      {list.error !== undefined && <LoadProblem error={list.error} onRetry={list.retry} />}
      {list.started && list.items.length === 0 && list.error === undefined && (
        <p>{filtered ? v.noMatches : v.noReviews}</p>
      )}
      {list.items.length > 0 && (
        <ol className="reviews-list" aria-label={v.listLabel}>
          {list.items.map((review) => (
            <li key={review.id}>
              <ReviewItem
                review={review}
                canReply={canReply}
                onChanged={changed}
                onReplied={(r) => onReplied(r.orderId)}
              />
            </li>
          ))}
        </ol>
      )}
      {!list.started && list.loading && storeId !== null && <p>{c.loading}</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {list.loading ? c.loading : c.loadMore}
        </button>
      )}
    </Section>
  );
}
