import type { SettlementOrder } from './types';

/**
 * What a decision came to, read from the order the server answers: released at once (day 7's
 * release time had passed), out of the hold to release at its normal time, or still held.
 */
export type DecisionOutcome =
  | { kind: 'releasedNow'; orderId: string; order: SettlementOrder }
  | { kind: 'releasesOnTime'; orderId: string; order: SettlementOrder }
  | { kind: 'stillHeld'; orderId: string; order: SettlementOrder }
  | { kind: 'other'; orderId: string; order: SettlementOrder };

export function outcomeOf(order: SettlementOrder): DecisionOutcome {
  const { orderId } = order;
  if (order.fundStatus === 'RELEASED') return { kind: 'releasedNow', orderId, order };
  if (order.fundStatus === 'IN_REVIEW') return { kind: 'releasesOnTime', orderId, order };
  if (order.fundStatus === 'HELD') return { kind: 'stillHeld', orderId, order };
  return { kind: 'other', orderId, order };
}

/** The order has left the queue: the hold is lifted. */
export const leftQueue = (outcome: DecisionOutcome): boolean => outcome.kind !== 'stillHeld';

/** Whether releasing now pays out at once (SET-3 clarification: a hold lifted after day 7). */
export const releasesAtOnce = (order: SettlementOrder, nowMs: number): boolean =>
  order.releaseAt !== null && nowMs >= Date.parse(order.releaseAt);
