/** ORD-2: the durable timers an order declares while it waits for shipment. */
export const SHIP_WARNING_TIMER = 'orders.ship-deadline-warning';
export const SHIP_DEADLINE_TIMER = 'orders.ship-deadline';

/** ORD-2: one definition of "past the deadline" everywhere: the deadline instant itself is past. */
export function isPastDeadline(shipBy: Date, now: Date): boolean {
  return now.getTime() >= shipBy.getTime();
}
