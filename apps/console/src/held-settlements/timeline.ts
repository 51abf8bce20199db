import type { Money } from '../format/money';
import type { HoldDecisionRecord, RefundRecord } from '../order/types';
import type { SettlementOrder } from './types';

/** One dated step of an order's settlement, in time order; a step still to come is `upcoming`. */
export type TimelineStep =
  | { kind: 'delivered'; at: string; frozen: Money | null }
  | { kind: 'reviewDue'; at: string }
  | { kind: 'reviewStarted'; at: string; dueAt: string | null }
  | { kind: 'normalRelease'; at: string; held: boolean }
  | { kind: 'decision'; at: string; decision: HoldDecisionRecord }
  | { kind: 'refund'; at: string; refund: RefundRecord; amount: Money }
  | { kind: 'released'; at: string; released: Money };

export type DatedStep = TimelineStep & { upcoming: boolean };

/** What the FREEZE entry put into the store's frozen account (SET-1), when the entry is there. */
function frozenOnDelivery(order: SettlementOrder): Money | null {
  const freeze = order.entries.find((e) => e.kind === 'FREEZE');
  const posting = freeze?.postings.find((p) => p.account === `${order.storeId}:FROZEN`);
  return freeze && posting ? { minor: posting.amount, currency: freeze.currency } : null;
}

/**
 * The order's settlement as dated steps: delivery (frozen), the day-5 risk review, the day-7
 * release time, every operator decision and refund, and the release. Steps after `nowMs` (the
 * server's clock) are upcoming; the day-7 time of an order not released by then is marked held.
 */
export function timelineOf(order: SettlementOrder, nowMs: number): DatedStep[] {
  const steps: TimelineStep[] = [];
  if (order.deliveredAt)
    steps.push({ kind: 'delivered', at: order.deliveredAt, frozen: frozenOnDelivery(order) });
  if (order.reviewedAt) steps.push({ kind: 'reviewStarted', at: order.reviewedAt, dueAt: order.reviewAt });
  else if (order.reviewAt) steps.push({ kind: 'reviewDue', at: order.reviewAt });
  if (order.releaseAt) {
    const releasedBy =
      order.releasedAt !== null && Date.parse(order.releasedAt) <= Date.parse(order.releaseAt);
    const passed = nowMs >= Date.parse(order.releaseAt);
    const wasHeld = order.holdReasons.length > 0;
    steps.push({ kind: 'normalRelease', at: order.releaseAt, held: wasHeld && passed && !releasedBy });
  }
  for (const decision of order.decisions) steps.push({ kind: 'decision', at: decision.decidedAt, decision });
  for (const refund of order.refunds) {
    const amount = { minor: refund.amountMinor, currency: order.total.currency };
    steps.push({ kind: 'refund', at: refund.postedAt, refund, amount });
  }
  if (order.releasedAt) steps.push({ kind: 'released', at: order.releasedAt, released: order.released });
  // A stable sort: steps of one instant keep the order above (review before the release time...).
  return steps
    .map((step, index) => ({ step, index, ms: Date.parse(step.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ step, ms }) => ({ ...step, upcoming: ms > nowMs }));
}
