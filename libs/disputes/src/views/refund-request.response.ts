import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '@tradehub/platform';
import { ISSUE_STATUSES, REQUEST_KINDS } from '../contract/events';
import { EVIDENCE_TYPES, REQUEST_STATUSES, type RefundRequest } from '../domain';

export class EvidenceResponse {
  @ApiProperty({ description: 'Also the name to download it by (GET …/evidence/{sha256})' }) sha256!: string;
  @ApiProperty({ enum: EVIDENCE_TYPES }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() fileName!: string;
}

export class RefundRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The marketplace's request id" }) marketplaceRequestId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() buyerId!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: string;
  @ApiProperty({ type: MoneyResponse }) requested!: MoneyResponse;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [EvidenceResponse] }) buyerEvidence!: EvidenceResponse[];
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty({ enum: ISSUE_STATUSES, description: "The order's issue status" }) issueStatus!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: "DSP-1: the seller's answer is due before this instant" })
  responseDueAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The buyer's answer or return parcel is due before this",
  })
  buyerDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'DSP-3: the inspection ends at this instant' })
  inspectionDueAt!: string | null;
  @ApiProperty({ type: [String], description: 'Risk flags raised and not cleared (9, 10)' })
  openFlags!: string[];
  @ApiPropertyOptional({ nullable: true, type: Object, description: "DSP-1: the seller's answer" })
  answer!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) returnParcel!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) inspection!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) escalation!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) arbitration!: Record<string, unknown> | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description: 'The agreed refund and, once posted, its entry',
  })
  refund!: Record<string, unknown> | null;
  @ApiProperty({ type: MoneyResponse }) refunded!: MoneyResponse;
  @ApiProperty({ nullable: true, type: String, enum: ['REFUNDED', 'PARTIALLY_REFUNDED', 'NOT_REFUNDED'] })
  outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) closeReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
}

export class RefundRequestPageResponse {
  @ApiProperty({ type: [RefundRequestResponse] }) items!: RefundRequestResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function refundRequestView(r: RefundRequest): RefundRequestResponse {
  const money = (minor: bigint | string) => ({ minor: minor.toString(), currency: r.currency });
  return {
    id: r.id,
    marketplaceRequestId: r.marketplaceRequestId,
    orderId: r.orderId,
    storeId: r.storeId,
    buyerId: r.buyerId,
    kind: r.kind,
    requested: money(r.requestedMinor),
    reason: r.reason,
    buyerEvidence: r.buyerEvidence,
    status: r.status,
    issueStatus: r.issueStatus,
    requestedAt: r.requestedAt.toISOString(),
    responseDueAt: r.responseDueAt.toISOString(),
    buyerDueAt: iso(r.buyerDueAt),
    inspectionDueAt: iso(r.inspectionDueAt),
    openFlags: r.openFlags,
    answer: r.answer
      ? { ...r.answer, amount: r.answer.amountMinor ? money(r.answer.amountMinor) : null }
      : null,
    returnParcel: r.returnParcel ? { ...r.returnParcel } : null,
    inspection: r.inspection ? { ...r.inspection } : null,
    escalation: r.escalation ? { ...r.escalation } : null,
    arbitration: r.arbitration ? { ...r.arbitration, amount: money(r.arbitration.amountMinor) } : null,
    refund: r.refund ? { ...r.refund, amount: money(r.refund.amountMinor) } : null,
    refunded: money(r.refundedMinor),
    outcome: r.outcome,
    closeReason: r.closeReason,
    closedAt: iso(r.closedAt),
  };
}
