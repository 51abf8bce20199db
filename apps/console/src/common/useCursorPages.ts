import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export interface Pages<T> {
  /** Every item read so far, in the server's order. */
  items: T[];
  /** The first page has arrived (or failed). */
  started: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
  /** Changes the loaded items in place (a decided task leaves its queue) without asking again. */
  edit: (change: (items: T[]) => T[]) => void;
}

interface PagesState<T> {
  items: T[];
  nextCursor: string | null;
  started: boolean;
  loading: boolean;
  error: unknown;
}

/**
 * A cursor-paginated list read a page at a time (Load more, or a virtual list's end coming into
 * view). A new `key` starts again from the first page, aborts the read in flight and drops answers
 * meant for the previous key; a null key reads nothing yet (the caller waits for something else).
 */
export function useCursorPages<T>(
  key: string | null,
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
    if (key !== null) fetchPage(null);
  }, [key, fetchPage]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const { items, nextCursor, started, loading, error } = state;
  const loadMore = useCallback(() => {
    if (started && nextCursor && !error) fetchPage(nextCursor);
  }, [fetchPage, started, nextCursor, error]);
  // A failed first page starts over; a failed later page is asked for again.
  const waiting = key === null;
  const retry = useCallback(() => {
    if (!waiting) fetchPage(items.length ? nextCursor : null);
  }, [fetchPage, waiting, items, nextCursor]);
  const edit = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }));
  }, []);
  return { items, started, hasMore: nextCursor !== null, loading, error, loadMore, retry, edit };
}
