import type { Money } from '../format/money';

/** The parts of the API's answers the order page reads (see the OpenAPI document at /docs). */

/** GET /v1/orders/{id}: the order with its parallel statuses (ORD-7) and deadlines. */
export interface OrderDetail {
  id: string;
  marketplaceOrderId: string;
  storeId: string;
  buyerId: string;
  status: string;
  lines: OrderLine[];
  shippingFee: Money;
  total: Money;
  shippingCountry: string;
  paymentMethod: string;
  presale: boolean;
  paidAt: string;
  deadlines: {
    shipBy: string;
    shipWarningAt: string | null;
    shipWarnedAt: string | null;
    overdue: boolean;
    lateShipment: boolean;
    lateFlaggedAt: string | null;
  };
  openFlags: { code: string; severity: string; reason: string; raisedAt: string }[];
  cancellation: { initiator: string; reason: string; note: string | null; at: string } | null;
  deliveredAt: string | null;
  fundStatus: string;
  issueStatus: string;
  inAbnormalPool: boolean;
  underReview: boolean;
}

export interface OrderLine {
  lineId: string;
  sku: string;
  title: string;
  quantity: number;
  shippedQuantity: number;
  unitPrice: Money;
}

/** GET /v1/packages/{id}: one package with its tracking history (oldest first as the API sends it). */
export interface PackageDetail {
  id: string;
  carrierCode: string;
  trackingNumber: string;
  lines: { lineId: string; quantity: number }[];
  status: string;
  shippedAt: string;
  pickedUpAt: string | null;
  lastScanAt: string | null;
  deliveredAt: string | null;
  noFirstScan: boolean;
  stalledSince: string | null;
  trackCorrectedAt: string | null;
  trackingEvents?: TrackingEvent[];
}

export interface TrackingEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  location: string | null;
  description: string | null;
}

/** GET /v1/disputes/requests?orderId=: a refund (or return and refund) request (DSP-1..4). */
export interface RefundRequest {
  id: string;
  marketplaceRequestId: string;
  kind: string;
  requested: Money;
  reason: string;
  status: string;
  requestedAt: string;
  responseDueAt: string;
  buyerDueAt: string | null;
  inspectionDueAt: string | null;
  refunded: Money;
  outcome: string | null;
  closeReason: string | null;
  closedAt: string | null;
}

/** One operator's decision on a held review (SET-3), audited. */
export interface HoldDecisionRecord {
  decision: string;
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

/** GET /v1/settlement/orders/{id}: the order's settlement timeline (SET-1..7). */
export interface SettlementOrder {
  fundStatus: string;
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
  /** When the risk review ran. */
  reviewedAt: string | null;
  /** When the money was last held (the held-settlement queue's order: oldest hold first). */
  heldAt: string | null;
  holdReasons: string[];
  decisions: HoldDecisionRecord[];
  releasedAt: string | null;
  refunds: RefundRecord[];
  entries: LedgerEntry[];
}

export interface LedgerEntry {
  id: string;
  seq: string;
  kind: string;
  currency: string;
  occurredAt: string;
  reversesEntryId: string | null;
  /** Signed minor units as decimal strings, credit positive. */
  postings: { account: string; amount: string; balanceAfter: string }[];
}

/** GET /v1/audit-log (CMP-6): operators and services only. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Field -> { from, to } */
  changes: Record<string, unknown>;
}
