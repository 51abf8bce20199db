import { useState } from 'react';
import type { Page } from '../api/types';
import { useLoad, type Loaded } from '../common/useLoad';
import { loadOpenFlags, type FlagFilters } from './loaders';
import type { BoardFlag } from './types';

export interface OpenFlags {
  /** The first page. */
  first: Loaded<Page<BoardFlag>>;
  retryFirst: () => void;
  /** Every flag read so far, newest first. */
  items: BoardFlag[];
  /** Another page exists. */
  more: boolean;
  loadingMore: boolean;
  moreError: unknown;
  loadMore: () => void;
}

interface Later {
  key: string;
  items: BoardFlag[];
  nextCursor: string | null;
}

/** The board's open flags, a page at a time; other filters or another store start afresh. */
export function useOpenFlags(storeId: string, filters: FlagFilters): OpenFlags {
  const key = `${storeId}|${filters.type}|${filters.severity}`;
  const { loaded, retry } = useLoad(key, (signal) => loadOpenFlags(storeId, filters, null, signal));
  const [later, setLater] = useState<Later>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<{ key: string; error: unknown }>();

  const current = later?.key === key ? later : undefined;
  const firstPage = loaded.state === 'ready' ? loaded.data : undefined;
  const items = [...(firstPage?.items ?? []), ...(current?.items ?? [])];
  const nextCursor = current ? current.nextCursor : (firstPage?.nextCursor ?? null);

  const loadMore = () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    loadOpenFlags(storeId, filters, nextCursor, new AbortController().signal)
      .then((page) =>
        setLater((before) => ({
          key,
          items: [...(before?.key === key ? before.items : []), ...page.items],
          nextCursor: page.nextCursor,
        })),
      )
      .catch((error: unknown) => setMoreError({ key, error }))
      .finally(() => setLoadingMore(false));
  };

  return {
    first: loaded,
    retryFirst: retry,
    items,
    more: nextCursor !== null,
    loadingMore,
    moreError: moreError?.key === key ? moreError.error : undefined,
    loadMore,
  };
}
