import { useCallback } from 'react';
import type { Page } from '../api/types';
import { api } from '../api/client';
import { useCursorPages, type Pages } from '../common/useCursorPages';
import type { ReviewTask, ReviewTaskKind } from './types';

const PAGE_SIZE = 50;

export type ReviewQueue = Pages<ReviewTask> & {
  /** Takes a decided task out of the list without asking the server again. */
  remove: (taskId: string) => void;
};

/**
 * The open review tasks, oldest first as the API lists them, a page at a time (the cursor goes on
 * from the last one loaded). Another kind starts the list afresh; an answer for an older kind is
 * dropped. `kind` null: not yet (nothing is asked while the caller waits to know who is signed in).
 */
export function useReviewQueue(kind: ReviewTaskKind | '' | null): ReviewQueue {
  const pages = useCursorPages(kind === null ? null : `kind:${kind}`, (cursor, signal) =>
    api<Page<ReviewTask>>('/v1/review-tasks', {
      query: { status: 'OPEN', kind, limit: PAGE_SIZE, cursor },
      signal,
    }),
  );
  const { edit } = pages;
  const remove = useCallback(
    (taskId: string) => edit((tasks) => tasks.filter((task) => task.id !== taskId)),
    [edit],
  );
  return { ...pages, remove };
}
