import { Sql, Timers } from '@tradehub/platform';
import { Order } from '../../domain/order';

export const SHIP_WARNING_TIMER = 'orders.ship-deadline-warning';
export const SHIP_DEADLINE_TIMER = 'orders.ship-deadline';

export const orderSubject = (orderId: string): string => `order:${orderId}`;

/** ORD-2/ORD-3: the warning and the deadline become durable timers in the order's own transaction. */
export async function scheduleShipDeadlines(timers: Timers, tx: Sql, order: Order): Promise<void> {
  const { shipBy, shipWarnAt } = order.snapshot;
  const subject = orderSubject(order.id);
  if (shipWarnAt)
    await timers.schedule(tx, {
      kind: SHIP_WARNING_TIMER,
      subject,
      dueAt: shipWarnAt,
      payload: { orderId: order.id },
    });
  await timers.schedule(tx, {
    kind: SHIP_DEADLINE_TIMER,
    subject,
    dueAt: shipBy,
    payload: { orderId: order.id },
  });
}
