import { defineEntity, p } from '@mikro-orm/postgresql';
import {
  type AgreedRefund,
  type Arbitration,
  type Escalation,
  type EvidenceRef,
  type Inspection,
  RefundRequest,
  type ReturnParcel,
  type SellerAnswer,
} from '../domain';

const instant = () => p.datetime().columnType('timestamptz');

/** `disputes.refund_requests`: DSP-1..4. */
export const RefundRequestEntity = defineEntity({
  class: RefundRequest,
  tableName: 'refund_requests',
  schema: 'disputes',
  properties: {
    id: p.uuid().primary(),
    marketplaceRequestId: p.text(),
    orderId: p.uuid(),
    storeId: p.text(),
    sellerId: p.text(),
    buyerId: p.text(),
    kind: p.text(),
    currency: p.string().length(3),
    requestedMinor: p.bigint('bigint'),
    reason: p.text(),
    buyerEvidence: p.json<EvidenceRef[]>(),
    status: p.text(),
    issueStatus: p.text(),
    requestedAt: instant(),
    responseDueAt: instant(),
    responseWarnAt: instant(),
    buyerDueAt: instant().nullable(),
    inspectionDueAt: instant().nullable(),
    inspectionWarnAt: instant().nullable(),
    openFlags: p.json<string[]>(),
    answer: p.json<SellerAnswer>().nullable(),
    returnParcel: p.json<ReturnParcel>().nullable(),
    inspection: p.json<Inspection>().nullable(),
    escalation: p.json<Escalation>().nullable(),
    arbitration: p.json<Arbitration>().nullable(),
    refund: p.json<AgreedRefund>().nullable(),
    refundedMinor: p.bigint('bigint'),
    outcome: p.text().nullable(),
    closeReason: p.text().nullable(),
    closedAt: instant().nullable(),
    version: p.integer().version(),
  },
});
