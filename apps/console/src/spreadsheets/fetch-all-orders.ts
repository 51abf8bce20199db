import { api, type Query } from '../api/client';
import type { Order, Page } from '../api/types';
import { PAGE_SIZE } from '../orders/useOrderList';

/** Every order the list's query matches: its pages one after the other, as the list would load them. */
export async function fetchAllOrders(query: Query, signal?: AbortSignal): Promise<Order[]> {
  const orders: Order[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Order> = await api<Page<Order>>('/v1/orders', {
      query: { ...query, limit: PAGE_SIZE, cursor },
      signal,
    });
    orders.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return orders;
}
