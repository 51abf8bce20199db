import { api, type Query } from '../api/client';
import type { Order, Page } from '../api/types';
import { useCursorPages } from '../common/useCursorPages';

/** Server pages of this size are fetched as the reader scrolls near the end of what is loaded. */
export const PAGE_SIZE = 100;

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
  const pages = useCursorPages(`${JSON.stringify(query)}|${reloadKey}`, (cursor, signal) =>
    api<Page<Order>>('/v1/orders', { query: { ...query, limit: PAGE_SIZE, cursor }, signal }),
  );
  // Until the first page answers, the grid shows its loading row where more would come.
  return { ...pages, hasMore: !pages.started || pages.hasMore };
}
