import type { Money } from '../format/money';

/** The parts of tradehub's refund-request answers this page reads (DSP-1..4; OpenAPI at /docs). */

/** An evidence file a request names; downloaded by its sha256 (GET …/evidence/{sha256}). */
export interface Evidence {
  sha256: string;
  contentType: string;
  sizeBytes: number;
  fileName: string;
}

/** DSP-1: the seller's answer (amountMinor: the partial offer, or the full amount accepted). */
export interface SellerAnswer {
  answer: 'ACCEPT' | 'PARTIAL' | 'REFUSE';
  amountMinor: string | null;
  amount: Money | null;
  /** PARTIAL: the seller's words; REFUSE: one of the platform's preset reason codes. */
  reason: string | null;
  evidence: Evidence[];
  answeredBy: string;
  answeredAt: string;
  /** DSP-2: the deadline accepted for the seller. */
  automatic: boolean;
}

/** DSP-3: the buyer's return parcel. */
export interface ReturnParcel {
  carrierCode: string;
  trackingNumber: string;
  shippedAt: string;
  deliveredAt: string | null;
}

/** DSP-3: the seller's inspection of the returned goods. */
export interface Inspection {
  decision: 'FULL' | 'PARTIAL' | 'CONTEST';
  amountMinor: string | null;
  reason: string | null;
  evidence: Evidence[];
  by: string;
  at: string;
}

export type EscalatedBy = 'BUYER' | 'SELLER' | 'SYSTEM';

export interface Escalation {
  by: EscalatedBy;
  reason: string;
  at: string;
}

export type ArbitrationDecision = 'FULL' | 'PARTIAL' | 'NONE';

export interface Arbitration {
  decision: ArbitrationDecision;
  amountMinor: string;
  amount: Money;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/**
 * GET /v1/disputes/arbitration-queue items, GET /v1/disputes/requests/{requestId} and the answer
 * of POST …/arbitration.
 */
export interface RefundRequest {
  id: string;
  marketplaceRequestId: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  kind: string;
  requested: Money;
  reason: string;
  buyerEvidence: Evidence[];
  status: string;
  issueStatus: string;
  requestedAt: string;
  answer: SellerAnswer | null;
  returnParcel: ReturnParcel | null;
  inspection: Inspection | null;
  escalation: Escalation | null;
  arbitration: Arbitration | null;
  refunded: Money;
  outcome: string | null;
  closeReason: string | null;
  closedAt: string | null;
}
