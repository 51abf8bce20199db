import { sumMinor } from './amounts';
import type { FrozenOrder } from './types';

/** What unfreezes on one UTC day in one currency (SET-3: at 10:00 UTC of day 7 after delivery). */
export interface ReleaseDay {
  /** The UTC date, yyyy-mm-dd. */
  day: string;
  /** The release instant of the day's orders (all the same under one schedule; the earliest otherwise). */
  releaseAt: string;
  currency: string;
  /** Minor units, exact. */
  amount: string;
  orders: number;
}

/** Frozen money a review holds until an operator decides (SET-3): no release day yet. */
export interface HeldAmount {
  currency: string;
  amount: string;
  orders: number;
}

export interface ReleaseCalendar {
  days: ReleaseDay[];
  held: HeldAmount[];
}

/** Fund statuses whose money is frozen and has a scheduled release: not reviewed yet, or passed. */
const SCHEDULED = ['FROZEN', 'IN_REVIEW'];

/**
 * Groups the frozen orders by the UTC day of their release and currency, earliest day first; held
 * reviews are summed apart. Orders with nothing frozen (fully refunded) are left out.
 */
export function releaseCalendar(orders: readonly FrozenOrder[]): ReleaseCalendar {
  const days = new Map<string, { releaseAt: string; currency: string; amounts: string[] }>();
  const held = new Map<string, string[]>();
  for (const order of orders) {
    if (BigInt(order.frozen.minor) <= 0n) continue;
    const { currency } = order.frozen;
    if (order.fundStatus === 'HELD') {
      held.set(currency, [...(held.get(currency) ?? []), order.frozen.minor]);
    } else if (SCHEDULED.includes(order.fundStatus) && order.releaseAt) {
      const day = order.releaseAt.slice(0, 10);
      const key = `${day}|${currency}`;
      const entry = days.get(key) ?? { releaseAt: order.releaseAt, currency, amounts: [] };
      if (order.releaseAt < entry.releaseAt) entry.releaseAt = order.releaseAt;
      entry.amounts.push(order.frozen.minor);
      days.set(key, entry);
    }
  }
  return {
    days: [...days.entries()]
      .map(([key, entry]) => ({
        day: key.slice(0, 10),
        releaseAt: entry.releaseAt,
        currency: entry.currency,
        amount: sumMinor(entry.amounts),
        orders: entry.amounts.length,
      }))
      .sort((a, b) => (a.day === b.day ? a.currency.localeCompare(b.currency) : a.day < b.day ? -1 : 1)),
    held: [...held.entries()]
      .map(([currency, amounts]) => ({ currency, amount: sumMinor(amounts), orders: amounts.length }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** The orders in release order (held last), for the list under the calendar. */
export function byRelease(orders: readonly FrozenOrder[]): FrozenOrder[] {
  const rank = (o: FrozenOrder) => (o.fundStatus === 'HELD' || !o.releaseAt ? `~${o.orderId}` : o.releaseAt);
  return orders
    .filter((o) => BigInt(o.frozen.minor) > 0n)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}
