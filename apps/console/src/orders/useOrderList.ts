import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../api/client';
import type { Order, Page } from '../api/types';

/** Server pages of this size are fetched as the reader scrolls near the end of what is loaded. */
export const PAGE_SIZE = 100;

interface ListState {
  items: Order[];
  /** The cursor of the next page; null once the last page has arrived. */
  nextCursor: string | null;
  started: boolean;
  loading: boolean;
  error: unknown;
}

const EMPTY: ListState = { items: [], nextCursor: null, started: false, loading: true, error: undefined };

export interface OrderList {
  items: Order[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

/**
 * The orders for one query, page by page (cursor-paginated, PAGE_SIZE each). A new query or
 * `reloadKey` starts again from the first page; answers for an earlier query are dropped.
 */
export function useOrderList(query: Query, reloadKey: number): OrderList {
  const key = JSON.stringify(query);
  const [state, setState] = useState<ListState>(EMPTY);
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      if (inFlight.current) return;
      const mine = generation.current;
      const abort = new AbortController();
      inFlight.current = abort;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      api<Page<Order>>('/v1/orders', {
        query: { ...(JSON.parse(key) as Query), limit: PAGE_SIZE, cursor },
        signal: abort.signal,
      })
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
    },
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    inFlight.current?.abort();
    inFlight.current = null;
    setState(EMPTY);
    fetchPage(null);
  }, [fetchPage, reloadKey]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const { nextCursor, started, error } = state;
  const loadMore = useCallback(() => {
    if (started && nextCursor && !error) fetchPage(nextCursor);
  }, [started, nextCursor, error, fetchPage]);
  const retry = useCallback(
    () => fetchPage(state.items.length ? nextCursor : null),
    [fetchPage, state.items.length, nextCursor],
  );

  return {
    items: state.items,
    hasMore: !started || nextCursor !== null,
    loading: state.loading,
    error: state.error,
    loadMore,
    retry,
  };
}
