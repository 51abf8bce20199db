import { useCallback, useMemo, useState } from 'react';
import type { Order } from '../api/types';

const NONE: ReadonlyMap<string, Order> = new Map();

export interface OrderSelection {
  /** The selected orders by id, kept in state so rows scrolled out of the DOM stay selected. */
  orders: ReadonlyMap<string, Order>;
  toggle: (order: Order) => void;
  /** Selects every given order, or unselects them all when every one is selected already. */
  toggleAll: (orders: readonly Order[]) => void;
  remove: (orderIds: readonly string[]) => void;
  clear: () => void;
}

/**
 * Orders picked on the list. A selection belongs to one list: when `listKey` (tab, filters,
 * store) changes it is dropped, so nothing chosen on another list can be shipped by mistake.
 */
export function useOrderSelection(listKey: string): OrderSelection {
  const [state, setState] = useState<{ listKey: string; orders: ReadonlyMap<string, Order> }>({
    listKey,
    orders: NONE,
  });
  const orders = state.listKey === listKey ? state.orders : NONE;

  const update = useCallback(
    (change: (current: Map<string, Order>) => void) =>
      setState((previous) => {
        const next = new Map(previous.listKey === listKey ? previous.orders : NONE);
        change(next);
        return { listKey, orders: next };
      }),
    [listKey],
  );

  const toggle = useCallback(
    (order: Order) =>
      update((next) => {
        if (next.has(order.id)) next.delete(order.id);
        else next.set(order.id, order);
      }),
    [update],
  );
  const toggleAll = useCallback(
    (all: readonly Order[]) =>
      update((next) => {
        const every = all.every((order) => next.has(order.id));
        for (const order of all) {
          if (every) next.delete(order.id);
          else next.set(order.id, order);
        }
      }),
    [update],
  );
  const remove = useCallback(
    (orderIds: readonly string[]) => update((next) => orderIds.forEach((id) => next.delete(id))),
    [update],
  );
  const clear = useCallback(() => update((next) => next.clear()), [update]);

  return useMemo(
    () => ({ orders, toggle, toggleAll, remove, clear }),
    [orders, toggle, toggleAll, remove, clear],
  );
}
