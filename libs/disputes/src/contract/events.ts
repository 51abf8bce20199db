/**
 * The Disputes context's integration events, on topic `tradehub.disputes.v1`, key = order id (the
 * store id for store-level figures), so one order's requests stay in order across requests. Money is
 * `{ minor, currency }` with minor units as a decimal string; instants are ISO-8601 UTC strings.
 * Changes are additive.
 */
export const DISPUTES_CONTEXT = 'disputes';

export const DisputeEvents = {
  RefundRequested: 'tradehub.disputes.refund-requested',
  SellerAnswered: 'tradehub.disputes.seller-answered',
  BuyerAnsweredOffer: 'tradehub.disputes.buyer-answered-offer',
  ReturnShipped: 'tradehub.disputes.return-shipped',
  ReturnDelivered: 'tradehub.disputes.return-delivered',
  Escalated: 'tradehub.disputes.escalated',
  ArbitrationDecided: 'tradehub.disputes.arbitration-decided',
  RefundAgreed: 'tradehub.disputes.refund-agreed',
  RefundExecuted: 'tradehub.disputes.refund-executed',
  RequestClosed: 'tradehub.disputes.request-closed',
  IssueStatusChanged: 'tradehub.disputes.issue-status-changed',
  RiskFlagRaised: 'tradehub.disputes.risk-flag-raised',
  RiskFlagCleared: 'tradehub.disputes.risk-flag-cleared',
  DisputeRiskScored: 'tradehub.disputes.dispute-risk-scored',
  DisputeRateChanged: 'tradehub.disputes.dispute-rate-changed',
} as const;
export type DisputeEventType = (typeof DisputeEvents)[keyof typeof DisputeEvents];

export interface DisputeMoneyDto {
  /** Integer minor units as a decimal string (JSON has no bigint). */
  minor: string;
  currency: string;
}

/** A stored evidence file, named by its content (sha256). */
export interface EvidenceRefDto {
  sha256: string;
  contentType: string;
  sizeBytes: number;
  fileName: string;
}

export const REQUEST_KINDS = ['REFUND_ONLY', 'RETURN_AND_REFUND'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The order's issue status beside its order status (glossary): none / open / escalated / closed. */
export const ISSUE_STATUSES = ['NONE', 'OPEN', 'ESCALATED', 'CLOSED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

interface RequestRef {
  requestId: string;
  orderId: string;
  storeId: string;
}

/** A buyer asked for a refund (or a return and refund) of a shipped or delivered order. */
export interface RefundRequestedV1 extends RequestRef {
  marketplaceRequestId: string;
  buyerId: string;
  kind: RequestKind;
  amount: DisputeMoneyDto;
  reason: string;
  evidence: EvidenceRefDto[];
  requestedAt: string;
  /** DSP-1: the seller's answer is due before this instant (24:00 UTC of day 5 after the request date). */
  responseDueAt: string;
}

/** DSP-1: the seller accepted, offered a partial refund, or refused (with a preset reason). */
export interface SellerAnsweredV1 extends RequestRef {
  answer: 'ACCEPT' | 'PARTIAL' | 'REFUSE';
  /** The refund accepted or offered; null for a refusal. */
  amount: DisputeMoneyDto | null;
  reason: string | null;
  evidence: EvidenceRefDto[];
  answeredBy: string;
  answeredAt: string;
  /** When the buyer's answer (to an offer or a refusal) or the return parcel is due; null otherwise. */
  buyerDueAt: string | null;
}

/** The buyer accepted or declined the seller's partial offer (buyer-facing team). */
export interface BuyerAnsweredOfferV1 extends RequestRef {
  answer: 'ACCEPT' | 'DECLINE';
  answeredAt: string;
}

/** DSP-3: the buyer shipped the return parcel under its own tracking number. */
export interface ReturnShippedV1 extends RequestRef {
  carrierCode: string;
  trackingNumber: string;
  shippedAt: string;
}

/** DSP-3: the return parcel was delivered to the seller; the 48-hour inspection runs. */
export interface ReturnDeliveredV1 extends RequestRef {
  deliveredAt: string;
  inspectionDueAt: string;
}

/** DSP-4: the request went to platform arbitration. */
export interface EscalatedV1 extends RequestRef {
  /** SYSTEM: Settlement refused an agreed refund, so an operator decides. */
  escalatedBy: 'BUYER' | 'SELLER' | 'SYSTEM';
  reason: string;
  escalatedAt: string;
}

/** DSP-4: an operator decided a full, partial or no refund, with a reason (audited). */
export interface ArbitrationDecidedV1 extends RequestRef {
  decision: 'FULL' | 'PARTIAL' | 'NONE';
  amount: DisputeMoneyDto;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export const REFUND_BASES = [
  'SELLER_ACCEPTED',
  'AUTO_ACCEPTED',
  'BUYER_ACCEPTED_OFFER',
  'OFFER_UNANSWERED',
  'INSPECTION_CONFIRMED',
  'INSPECTION_LAPSED',
  'ARBITRATION',
] as const;
export type RefundBasis = (typeof REFUND_BASES)[number];

/** A refund was agreed and is being posted through Settlement (SET-5). */
export interface RefundAgreedV1 extends RequestRef {
  refundId: string;
  amount: DisputeMoneyDto;
  basis: RefundBasis;
  agreedAt: string;
}

/** Settlement posted the agreed refund (out of frozen funds before release, available after). */
export interface RefundExecutedV1 extends RequestRef {
  refundId: string;
  amount: DisputeMoneyDto;
  /** Null when the order was not yet delivered: nothing was frozen, the proceeds shrink instead. */
  entryId: string | null;
  takenFrom: string;
  executedAt: string;
}

/** The request ended: refunded in full, in part, or not at all. */
export interface RequestClosedV1 extends RequestRef {
  outcome: 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'NOT_REFUNDED';
  refunded: DisputeMoneyDto;
  reason: string;
  closedAt: string;
}

/**
 * The order's issue status moved (glossary). Orders shows IN_ISSUE while it is OPEN or ESCALATED,
 * WAIT_SELLER_EXAMINE_MONEY while `sellerExaminesAmount` (a returned parcel awaits the seller's
 * inspection, DSP-3), and restores its status when it is CLOSED.
 */
export interface IssueStatusChangedV1 extends RequestRef {
  from: IssueStatus;
  to: IssueStatus;
  sellerExaminesAmount: boolean;
  at: string;
}

/** DSP-5 reason: one signal, in words a seller understands, and the points it added. */
export interface DisputeRiskReasonDto {
  signal: string;
  code: string;
  message: string;
  points: number;
}

/** DSP-5: an open order's dispute-risk score (0-100) with its reasons (the high-risk feed). */
export interface DisputeRiskScoredV1 {
  orderId: string;
  storeId: string;
  buyerId: string;
  score: number;
  level: 'LOW' | 'MEDIUM' | 'HIGH';
  reasons: DisputeRiskReasonDto[];
  scoredAt: string;
}

/** DSP-6: a store's dispute rate over the window, as of `asOf` (null rate: no orders, "not rated"). */
export interface DisputeRateChangedV1 {
  storeId: string;
  windowDays: number;
  windowStart: string;
  asOf: string;
  orders: number;
  disputedOrders: number;
  /** Decimal string fraction with 6 places, e.g. "0.032000"; null when there are no orders. */
  rate: string | null;
}

/** CMP-5: a flag of this context (9, 10, 11, 12, 13) is no longer true; same shape as the other contexts'. */
export interface RiskFlagClearedV1 {
  code: string;
  storeId: string;
  orderId: string | null;
  reason: string;
}
