/**
 * The Settlement context's integration events, on topic `tradehub.settlement.v1`, key = order id
 * (withdrawal id for payouts), so one order's events stay in order. Money is `{ minor, currency }`
 * with minor units as a decimal string; instants are ISO-8601 UTC strings. Changes are additive.
 */
export const SETTLEMENT_CONTEXT = 'settlement';

export const SettlementEvents = {
  FundsFrozen: 'tradehub.settlement.funds-frozen',
  ReviewStarted: 'tradehub.settlement.review-started',
  ReviewPassed: 'tradehub.settlement.review-passed',
  ReviewHeld: 'tradehub.settlement.review-held',
  HoldDecided: 'tradehub.settlement.hold-decided',
  FundsReleased: 'tradehub.settlement.funds-released',
  RefundPosted: 'tradehub.settlement.refund-posted',
  FundStatusChanged: 'tradehub.settlement.fund-status-changed',
  PayoutRequested: 'tradehub.settlement.payout-requested',
  PayoutCompleted: 'tradehub.settlement.payout-completed',
  PayoutFailed: 'tradehub.settlement.payout-failed',
} as const;
export type SettlementEventType = (typeof SettlementEvents)[keyof typeof SettlementEvents];

export interface SettlementMoneyDto {
  /** Integer minor units as a decimal string (JSON has no bigint). */
  minor: string;
  currency: string;
}

/** SET-1: the order's proceeds (total less commission) are frozen on the store's frozen account. */
export interface FundsFrozenV1 {
  orderId: string;
  storeId: string;
  entryId: string;
  total: SettlementMoneyDto;
  commission: SettlementMoneyDto;
  proceeds: SettlementMoneyDto;
  /** The delivery instant S. */
  deliveredAt: string;
  /** SET-2: 00:00 UTC of day 5 after the delivery date. */
  reviewAt: string;
  /** SET-3: 10:00 UTC of day 7 after the delivery date, if the review passes. */
  releaseAt: string;
}

/** SET-2: the day-5 risk review ran its automatic checks. */
export interface ReviewStartedV1 {
  orderId: string;
  storeId: string;
  startedAt: string;
}

/** SET-2: no check held the money; it is released at `releaseAt`. */
export interface ReviewPassedV1 {
  orderId: string;
  storeId: string;
  releaseAt: string;
}

/** SET-2: the money stays frozen until an operator decides; `reasons` are codes such as FAKE_SHIPMENT_CONFIRMED. */
export interface ReviewHeldV1 {
  orderId: string;
  storeId: string;
  reasons: string[];
  heldAt: string;
}

/** SET-3: an operator released a held review, or kept it held, with a reason. */
export interface HoldDecidedV1 {
  orderId: string;
  storeId: string;
  decision: 'RELEASE' | 'KEEP_HOLDING';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** SET-3, SET-7: the proceeds moved from frozen to available; the payout cycle is delivery to release. */
export interface FundsReleasedV1 {
  orderId: string;
  storeId: string;
  /** Null when refunds before release left nothing to release. */
  entryId: string | null;
  amount: SettlementMoneyDto;
  deliveredAt: string;
  releasedAt: string;
  payoutCycleSeconds: number;
}

/** SET-5: a refund was posted out of frozen funds (before release) or available ones (after). */
export interface RefundPostedV1 {
  refundId: string;
  orderId: string;
  storeId: string;
  /** Null when the order was not yet delivered: nothing was frozen, the proceeds shrink instead. */
  entryId: string | null;
  amount: SettlementMoneyDto;
  /** The part of the commission given back with it. */
  commissionReturned: SettlementMoneyDto;
  /** `FROZEN`, `AVAILABLE`, or `NOT_FROZEN_YET`. */
  takenFrom: string;
  postedAt: string;
}

/** ORD-7's fund status: not due / frozen / in review (passed, release scheduled) / held / released. */
export const FUND_STATUSES = ['NOT_DUE', 'FROZEN', 'IN_REVIEW', 'HELD', 'RELEASED'] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];

/** ORD-7: the order's fund status beside its order status (one of FUND_STATUSES). */
export interface FundStatusChangedV1 {
  orderId: string;
  storeId: string;
  from: string;
  to: string;
  at: string;
}

/** SET-4: a withdrawal asks the payments team to pay the store out. */
export interface PayoutRequestedV1 {
  withdrawalId: string;
  storeId: string;
  /** Taken from the store's available balance. */
  amount: SettlementMoneyDto;
  /** Paid to the seller: the same, or converted to CNY at `rate`. */
  payout: SettlementMoneyDto;
  /** The quoted rate (decimal string) and its quote id; null when no conversion. */
  rate: string | null;
  quoteId: string | null;
  requestedAt: string;
}

/** SET-4: the payments team paid the withdrawal (its payout-completed message). */
export interface PayoutCompletedV1 {
  withdrawalId: string;
  storeId: string;
  payout: SettlementMoneyDto;
  completedAt: string;
}

/** SET-4: the payout failed; its entries are reversed and the amount is available again. */
export interface PayoutFailedV1 {
  withdrawalId: string;
  storeId: string;
  amount: SettlementMoneyDto;
  reason: string;
  failedAt: string;
}
