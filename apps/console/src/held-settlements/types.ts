import type { Money } from '../format/money';

/** The parts of tradehub's settlement answers this page reads (SettlementOrderResponse, OpenAPI at /docs). */

export type FundStatus = 'NOT_DUE' | 'FROZEN' | 'IN_REVIEW' | 'HELD' | 'RELEASED';

export type HoldDecision = 'RELEASE' | 'KEEP_HOLDING';

/** One operator's decision on a held review (SET-3), audited. */
export interface HoldDecisionRecord {
  decision: HoldDecision;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface RefundRecord {
  refundId: string;
  amountMinor: string;
  commissionReturnedMinor: string;
  takenFrom: string;
  postedAt: string;
}

export interface LedgerEntry {
  id: string;
  kind: string;
  currency: string;
  occurredAt: string;
  /** Signed minor units as decimal strings, credit positive; `account` is `owner:KIND`. */
  postings: { account: string; amount: string; balanceAfter: string }[];
}

/**
 * GET /v1/settlement/held-reviews items (entries left empty there), GET /v1/settlement/orders/{id}
 * and the answer of POST .../hold-decision: one order's money in Settlement.
 */
export interface SettlementOrder {
  orderId: string;
  storeId: string;
  fundStatus: FundStatus | string;
  total: Money;
  commission: Money;
  refunded: Money;
  /** Frozen now for this order: what a hold keeps from the seller. */
  frozen: Money;
  released: Money;
  deliveredAt: string | null;
  /** SET-2: 00:00 UTC of day 5 after the delivery date. */
  reviewAt: string | null;
  /** SET-3: 10:00 UTC of day 7 after the delivery date. */
  releaseAt: string | null;
  /** When the risk review ran (the queue's order: oldest first). */
  reviewedAt: string | null;
  holdReasons: string[];
  decisions: HoldDecisionRecord[];
  releasedAt: string | null;
  refunds: RefundRecord[];
  entries: LedgerEntry[];
}
