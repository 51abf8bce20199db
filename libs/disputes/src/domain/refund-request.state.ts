import type { IssueStatus, RefundBasis, RequestKind } from '../contract/events';
import type { EvidenceRef } from './evidence';

/** Where a refund request stands (DSP-1..4); the order's issue status is derived from it. */
export const REQUEST_STATUSES = [
  'AWAITING_SELLER',
  'OFFERED',
  'REFUSED',
  'AWAITING_RETURN',
  'RETURN_IN_TRANSIT',
  'INSPECTING',
  'ESCALATED',
  'REFUNDING',
  'CLOSED',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface SellerAnswer {
  answer: 'ACCEPT' | 'PARTIAL' | 'REFUSE';
  amountMinor: string | null;
  reason: string | null;
  evidence: EvidenceRef[];
  answeredBy: string;
  answeredAt: string;
  /** DSP-2: the deadline accepted for the seller. */
  automatic: boolean;
}

export interface ReturnParcel {
  carrierCode: string;
  trackingNumber: string;
  shippedAt: string;
  deliveredAt: string | null;
}

export interface Inspection {
  decision: 'FULL' | 'PARTIAL' | 'CONTEST';
  amountMinor: string | null;
  reason: string | null;
  evidence: EvidenceRef[];
  by: string;
  at: string;
}

export interface Escalation {
  by: 'BUYER' | 'SELLER' | 'SYSTEM';
  reason: string;
  at: string;
}

export interface Arbitration {
  decision: 'FULL' | 'PARTIAL' | 'NONE';
  amountMinor: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** A refund the request agreed; Settlement posts it (SET-5), then the request closes. */
export interface AgreedRefund {
  refundId: string;
  amountMinor: string;
  basis: RefundBasis;
  agreedAt: string;
  postedAt: string | null;
  entryId: string | null;
  takenFrom: string | null;
  /** Tries Settlement could not answer; the next one is due at `nextAttemptAt`. */
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface RefundRequestState {
  id: string;
  marketplaceRequestId: string;
  orderId: string;
  storeId: string;
  sellerId: string;
  buyerId: string;
  kind: RequestKind;
  currency: string;
  requestedMinor: bigint;
  reason: string;
  buyerEvidence: EvidenceRef[];
  status: RequestStatus;
  issueStatus: IssueStatus;
  requestedAt: Date;
  /** DSP-1: the answer is due before this instant. */
  responseDueAt: Date;
  responseWarnAt: Date;
  /**
   * The buyer's part is due before this: an answer to an offer or a refusal, the return parcel's
   * shipment, and then its delivery to the seller.
   */
  buyerDueAt: Date | null;
  /** DSP-3: the inspection ends at this instant. */
  inspectionDueAt: Date | null;
  inspectionWarnAt: Date | null;
  /** Risk flags (9, 10) raised and not yet cleared. */
  openFlags: string[];
  answer: SellerAnswer | null;
  returnParcel: ReturnParcel | null;
  inspection: Inspection | null;
  escalation: Escalation | null;
  arbitration: Arbitration | null;
  refund: AgreedRefund | null;
  refundedMinor: bigint;
  outcome: string | null;
  closeReason: string | null;
  closedAt: Date | null;
  version: number;
}
