import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export interface Pages<T> {
  items: T[];
  /** The first page has arrived (or failed). */
  started: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

interface PagesState<T> {
  items: T[];
  nextCursor: string | null;
  started: boolean;
  loading: boolean;
  error: unknown;
}

/**
 * A server-paginated list read a page at a time (Load more). A new `key` starts again from the
 * first page and drops answers meant for the previous one.
 */
export function usePages<T>(
  key: string,
  readPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): Pages<T> {
  const [state, setState] = useState<PagesState<T>>({
    items: [],
    nextCursor: null,
    started: false,
    loading: true,
    error: undefined,
  });
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  // The latest reader, so an inline function does not restart the list on every render.
  const reader = useRef(readPage);
  useEffect(() => {
    reader.current = readPage;
  });

  const fetchPage = useCallback((cursor: string | null) => {
    if (inFlight.current) return;
    const mine = generation.current;
    const abort = new AbortController();
    inFlight.current = abort;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    reader
      .current(cursor, abort.signal)
      .then((page) => {
        if (mine !== generation.current) return;
        setState((s) => ({
          items: cursor ? s.items.concat(page.items) : page.items,
          nextCursor: page.nextCursor,
          started: true,
          loading: false,
          error: undefined,
        }));
      })
      .catch((error: unknown) => {
        if (mine !== generation.current) return;
        setState((s) => ({ ...s, started: true, loading: false, error }));
      })
      .finally(() => {
        if (inFlight.current === abort) inFlight.current = null;
      });
  }, []);

  useEffect(() => {
    generation.current += 1;
    inFlight.current?.abort();
    inFlight.current = null;
    setState({ items: [], nextCursor: null, started: false, loading: true, error: undefined });
    fetchPage(null);
  }, [key, fetchPage]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const { items, nextCursor, started, loading, error } = state;
  const loadMore = useCallback(() => {
    if (nextCursor) fetchPage(nextCursor);
  }, [fetchPage, nextCursor]);
  // A failed first page starts over; a failed later page is asked for again.
  const retry = useCallback(
    () => fetchPage(items.length ? nextCursor : null),
    [fetchPage, items, nextCursor],
  );
  return { items, started, hasMore: nextCursor !== null, loading, error, loadMore, retry };
}
