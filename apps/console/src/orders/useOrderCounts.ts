import { useEffect, useState } from 'react';
import { api, type Query } from '../api/client';
import type { OrderCounts } from '../api/types';

/**
 * The tab counts for these filters; `reloadKey` changes to read them again (after a shipment).
 * Counts read for other filters are not shown meanwhile: a tab would claim the wrong list's size.
 */
export function useOrderCounts(query: Query, reloadKey: number): OrderCounts | undefined {
  const [counts, setCounts] = useState<{ key: string; counts: OrderCounts }>();
  const key = JSON.stringify(query);
  useEffect(() => {
    const abort = new AbortController();
    api<OrderCounts>('/v1/orders/counts', { query: JSON.parse(key) as Query, signal: abort.signal })
      .then((answer) => setCounts({ key, counts: answer }))
      .catch(() => {
        // Tabs without counts still work; the list shows its own errors.
        if (!abort.signal.aborted) setCounts(undefined);
      });
    return () => abort.abort();
  }, [key, reloadKey]);
  return counts?.key === key ? counts.counts : undefined;
}
