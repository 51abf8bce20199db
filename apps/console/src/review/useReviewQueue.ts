import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';
import { api } from '../api/client';
import type { ReviewTask, ReviewTaskKind } from './types';

const PAGE_SIZE = 50;

export interface ReviewQueue {
  tasks: ReviewTask[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
  /** Takes a decided task out of the list without asking the server again. */
  remove: (taskId: string) => void;
}

/**
 * The open review tasks, oldest first as the API lists them, a page at a time (the cursor goes on
 * from the last one loaded). Another kind starts the list afresh; an answer for an older kind is
 * dropped. `kind` null: not yet (nothing is asked while the caller waits to know who is signed in).
 */
export function useReviewQueue(kind: ReviewTaskKind | '' | null): ReviewQueue {
  const [tasks, setTasks] = useState<ReviewTask[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const load = useCallback(
    (from: string | null) => {
      if (kind === null) return;
      const mine = generation.current;
      setLoading(true);
      setError(undefined);
      api<Page<ReviewTask>>('/v1/review-tasks', {
        query: { status: 'OPEN', kind, limit: PAGE_SIZE, cursor: from },
      })
        .then((page) => {
          if (mine !== generation.current) return;
          setTasks((before) => {
            const seen = new Set(before.map((task) => task.id));
            return [...(from ? before : []), ...page.items.filter((task) => !from || !seen.has(task.id))];
          });
          setCursor(page.nextCursor);
        })
        .catch((failure: unknown) => mine === generation.current && setError(failure))
        .finally(() => mine === generation.current && setLoading(false));
    },
    [kind],
  );

  useEffect(() => {
    generation.current += 1;
    setTasks([]);
    setCursor(null);
    load(null);
    return () => {
      generation.current += 1;
    };
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) load(cursor);
  }, [cursor, loading, load]);

  const retry = useCallback(() => load(tasks.length ? cursor : null), [load, tasks.length, cursor]);

  const remove = useCallback((taskId: string) => {
    setTasks((before) => before.filter((task) => task.id !== taskId));
  }, []);

  return { tasks, hasMore: cursor !== null, loading, error, loadMore, retry, remove };
}
