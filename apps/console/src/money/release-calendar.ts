import type { FrozenOrder } from './types';

/** The orders in release order (held last), for the list under the calendar. */
export function byRelease(orders: readonly FrozenOrder[]): FrozenOrder[] {
  const rank = (o: FrozenOrder) => (o.fundStatus === 'HELD' || !o.releaseAt ? `~${o.orderId}` : o.releaseAt);
  return orders
    .filter((o) => BigInt(o.frozen.minor) > 0n)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}
