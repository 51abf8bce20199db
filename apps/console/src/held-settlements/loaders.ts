import { api } from '../api/client';
import type { Page } from '../api/types';
import type { HoldDecision, SettlementOrder } from './types';

const id = encodeURIComponent;

/** How many held reviews one page of the queue asks for. */
export const PAGE_SIZE = 50;

/** The server's limit on a decision's reason (HoldDecisionRequestDto.reason). */
export const MAX_REASON_LENGTH = 1000;

/** SET-3: the reviews that hold money, oldest first, a page at a time. */
export const loadHeldPage = (cursor: string | null, signal: AbortSignal): Promise<Page<SettlementOrder>> =>
  api<Page<SettlementOrder>>('/v1/settlement/held-reviews', {
    query: { limit: PAGE_SIZE, cursor },
    signal,
  });

/** One order's settlement timeline, its ledger entries included. */
export const loadSettlement = (orderId: string, signal: AbortSignal): Promise<SettlementOrder> =>
  api<SettlementOrder>(`/v1/settlement/orders/${id(orderId)}`, { signal });

/**
 * SET-3: release the held review (at once when day 7's release time has passed, else at it) or
 * keep holding it; answers the order as it is afterwards. api() adds the Idempotency-Key.
 */
export const decideHold = (
  orderId: string,
  decision: HoldDecision,
  reason: string,
): Promise<SettlementOrder> =>
  api<SettlementOrder>(`/v1/settlement/orders/${id(orderId)}/hold-decision`, {
    method: 'POST',
    body: { decision, reason },
  });
