import type { EventCatalogue, RiskFlagRaisedV1 } from '@tradehub/kernel';
import {
  type ArbitrationDecidedV1,
  type BuyerAnsweredOfferV1,
  DisputeEvents,
  type DisputeEventType,
  type DisputeRateChangedV1,
  type DisputeRiskScoredV1,
  type EscalatedV1,
  type IssueStatusChangedV1,
  type RefundAgreedV1,
  type RefundExecutedV1,
  type RefundRequestedV1,
  type RequestClosedV1,
  type ReturnDeliveredV1,
  type ReturnShippedV1,
  type RiskFlagClearedV1,
  type SellerAnsweredV1,
} from './events';

const ref = {
  requestId: '019a2b70-1111-7222-8333-444455556666',
  orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
  storeId: 'store-es-01',
};
const usd = (minor: string) => ({ minor, currency: 'USD' });
const photo = {
  sha256: '9f2c1a7e5b3d4c6a8e0f1b2d3c4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4',
  contentType: 'image/jpeg',
  sizeBytes: 284_113,
  fileName: 'broken-lid.jpg',
};

/** Every integration event of the Disputes context: payload interface, summary and example (docs/asyncapi.json). */
export const DISPUTE_EVENT_CATALOGUE: EventCatalogue<DisputeEventType> = {
  [DisputeEvents.RefundRequested]: {
    type: DisputeEvents.RefundRequested,
    payload: 'RefundRequestedV1',
    summary: "DSP-1: a buyer's refund (or return and refund) request opened; the seller's answer is due.",
    example: {
      ...ref,
      marketplaceRequestId: 'rr-20260301-778899',
      buyerId: 'buyer-4411',
      kind: 'RETURN_AND_REFUND',
      amount: usd('2000'),
      reason: 'the lid arrived cracked',
      evidence: [photo],
      requestedAt: '2026-03-01T15:00:00.000Z',
      responseDueAt: '2026-03-07T00:00:00.000Z',
    } satisfies RefundRequestedV1,
  },
  [DisputeEvents.SellerAnswered]: {
    type: DisputeEvents.SellerAnswered,
    payload: 'SellerAnsweredV1',
    summary:
      'DSP-1, DSP-2: the seller accepted, offered a partial refund or refused (or the deadline accepted).',
    example: {
      ...ref,
      answer: 'PARTIAL',
      amount: usd('800'),
      reason: 'only the lid is damaged',
      evidence: [photo],
      answeredBy: 'staff-17',
      answeredAt: '2026-03-02T09:00:00.000Z',
      buyerDueAt: '2026-03-08T00:00:00.000Z',
    } satisfies SellerAnsweredV1,
  },
  [DisputeEvents.BuyerAnsweredOffer]: {
    type: DisputeEvents.BuyerAnsweredOffer,
    payload: 'BuyerAnsweredOfferV1',
    summary:
      "DSP-1, DSP-4: the buyer accepted (refund follows) or declined (arbitration) the seller's partial offer.",
    example: {
      ...ref,
      answer: 'ACCEPT',
      answeredAt: '2026-03-03T10:00:00.000Z',
    } satisfies BuyerAnsweredOfferV1,
  },
  [DisputeEvents.ReturnShipped]: {
    type: DisputeEvents.ReturnShipped,
    payload: 'ReturnShippedV1',
    summary: 'DSP-3: the buyer shipped the return parcel under its own tracking number.',
    example: {
      ...ref,
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      shippedAt: '2026-03-03T10:00:00.000Z',
    } satisfies ReturnShippedV1,
  },
  [DisputeEvents.ReturnDelivered]: {
    type: DisputeEvents.ReturnDelivered,
    payload: 'ReturnDeliveredV1',
    summary: 'DSP-3: the return reached the seller; the 48-hour inspection runs (WAIT_SELLER_EXAMINE_MONEY).',
    example: {
      ...ref,
      deliveredAt: '2026-03-08T12:00:00.000Z',
      inspectionDueAt: '2026-03-10T12:00:00.000Z',
    } satisfies ReturnDeliveredV1,
  },
  [DisputeEvents.Escalated]: {
    type: DisputeEvents.Escalated,
    payload: 'EscalatedV1',
    summary: 'DSP-4: a refusal, a partial offer or a contested return went to platform arbitration.',
    example: {
      ...ref,
      escalatedBy: 'BUYER',
      reason: 'the buyer declined the partial offer',
      escalatedAt: '2026-03-03T10:00:00.000Z',
    } satisfies EscalatedV1,
  },
  [DisputeEvents.ArbitrationDecided]: {
    type: DisputeEvents.ArbitrationDecided,
    payload: 'ArbitrationDecidedV1',
    summary: 'DSP-4: an operator decided a full, partial or no refund, with a reason (audited).',
    example: {
      ...ref,
      decision: 'PARTIAL',
      amount: usd('1200'),
      reason: 'photos show a cracked lid, the body is intact',
      decidedBy: 'arbiter-3',
      decidedAt: '2026-03-05T08:00:00.000Z',
    } satisfies ArbitrationDecidedV1,
  },
  [DisputeEvents.RefundAgreed]: {
    type: DisputeEvents.RefundAgreed,
    payload: 'RefundAgreedV1',
    summary:
      'DSP-1..4: a refund was agreed (by the seller, a deadline, the buyer or arbitration) and goes to Settlement (SET-5).',
    example: {
      ...ref,
      refundId: ref.requestId,
      amount: usd('2000'),
      basis: 'INSPECTION_LAPSED',
      agreedAt: '2026-03-10T12:00:00.000Z',
    } satisfies RefundAgreedV1,
  },
  [DisputeEvents.RefundExecuted]: {
    type: DisputeEvents.RefundExecuted,
    payload: 'RefundExecutedV1',
    summary:
      'SET-5: Settlement posted the refund, out of frozen funds before release or available funds after.',
    example: {
      ...ref,
      refundId: ref.requestId,
      amount: usd('2000'),
      entryId: '019a2b61-0000-7000-8000-000000000003',
      takenFrom: 'FROZEN',
      executedAt: '2026-03-10T12:00:00.000Z',
    } satisfies RefundExecutedV1,
  },
  [DisputeEvents.RequestClosed]: {
    type: DisputeEvents.RequestClosed,
    payload: 'RequestClosedV1',
    summary: 'DSP-1..4: the request ended: refunded in full, in part, or not at all, with the reason.',
    example: {
      ...ref,
      outcome: 'REFUNDED',
      refunded: usd('2000'),
      reason: 'no inspection within the window: refunded as the buyer described (DSP-3)',
      closedAt: '2026-03-10T12:00:00.000Z',
    } satisfies RequestClosedV1,
  },
  [DisputeEvents.IssueStatusChanged]: {
    type: DisputeEvents.IssueStatusChanged,
    payload: 'IssueStatusChangedV1',
    summary: "ORD-7, DSP-4: the order's issue status (none / open / escalated / closed) moved.",
    example: {
      ...ref,
      from: 'NONE',
      to: 'OPEN',
      sellerExaminesAmount: false,
      at: '2026-03-01T15:00:00.000Z',
    } satisfies IssueStatusChangedV1,
  },
  [DisputeEvents.RiskFlagRaised]: {
    type: DisputeEvents.RiskFlagRaised,
    payload: 'RiskFlagRaisedV1',
    summary: 'CMP-5: risk types 9 REFUND_RESPONSE_DUE, 10 RETURN_INSPECTION_DUE, 11-13 (DSP-5) raised.',
    example: {
      code: 'REFUND_RESPONSE_DUE',
      severity: 'high',
      storeId: ref.storeId,
      orderId: ref.orderId,
      reason: 'refund request unanswered; the answer is due before 2026-03-07T00:00:00.000Z',
    } satisfies RiskFlagRaisedV1,
  },
  [DisputeEvents.RiskFlagCleared]: {
    type: DisputeEvents.RiskFlagCleared,
    payload: 'RiskFlagClearedV1',
    summary: 'CMP-5: a flag of this context no longer holds (answered, inspected, order closed).',
    example: {
      code: 'REFUND_RESPONSE_DUE',
      storeId: ref.storeId,
      orderId: ref.orderId,
      reason: 'the seller answered',
    } satisfies RiskFlagClearedV1,
  },
  [DisputeEvents.DisputeRiskScored]: {
    type: DisputeEvents.DisputeRiskScored,
    payload: 'DisputeRiskScoredV1',
    summary: 'DSP-5: the high-risk feed: an open order entered, moved within or left the high band.',
    example: {
      orderId: ref.orderId,
      storeId: ref.storeId,
      buyerId: 'buyer-4411',
      score: 72,
      level: 'HIGH',
      reasons: [
        {
          signal: 'ADDRESS_AMBIGUOUS',
          code: 'POSTAL_CODE_MISSING',
          message: 'The address has no postal code',
          points: 20,
        },
        {
          signal: 'PAYMENT_ANOMALY',
          code: 'COUNTRY_MISMATCH',
          message: 'Paid from Brazil but ships to Spain',
          points: 18,
        },
      ],
      scoredAt: '2026-03-01T10:00:00.000Z',
    } satisfies DisputeRiskScoredV1,
  },
  [DisputeEvents.DisputeRateChanged]: {
    type: DisputeEvents.DisputeRateChanged,
    payload: 'DisputeRateChangedV1',
    summary: "DSP-6: a store's dispute rate over the window after an order got its first request.",
    example: {
      storeId: ref.storeId,
      windowDays: 90,
      windowStart: '2025-12-02T00:00:00.000Z',
      asOf: '2026-03-01T15:00:00.000Z',
      orders: 1250,
      disputedOrders: 40,
      rate: '0.032000',
    } satisfies DisputeRateChangedV1,
  },
};
