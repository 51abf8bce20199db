import { useEffect, useState } from 'react';
import { api, type Query } from '../api/client';
import type { OrderCounts } from '../api/types';

/** The tab counts for these filters; `reloadKey` changes to read them again (after a shipment). */
export function useOrderCounts(query: Query, reloadKey: number): OrderCounts | undefined {
  const [counts, setCounts] = useState<OrderCounts>();
  const key = JSON.stringify(query);
  useEffect(() => {
    const abort = new AbortController();
    api<OrderCounts>('/v1/orders/counts', { query: JSON.parse(key) as Query, signal: abort.signal })
      .then(setCounts)
      .catch(() => {
        // Tabs without counts still work; the list shows its own errors.
        if (!abort.signal.aborted) setCounts(undefined);
      });
    return () => abort.abort();
  }, [key, reloadKey]);
  return counts;
}
