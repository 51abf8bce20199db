import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_TASK_KINDS, REVIEW_TASK_STATUSES, ReviewTask } from '../domain';

export class ProofFileResponse {
  @ApiProperty({ description: 'SHA-256 of the PDF; the file is stored under it' }) sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Where authorised callers download it' }) url!: string;
}

export class ReviewTaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REVIEW_TASK_KINDS }) kind!: string;
  @ApiProperty({ enum: REVIEW_TASK_STATUSES }) status!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() packageId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() carrierCode!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) openedBy!: string | null;
  @ApiPropertyOptional({ type: ProofFileResponse, nullable: true }) proof!: ProofFileResponse | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'FUL-5: review due (2 h after upload)' })
  slaDueAt!: string | null;
  @ApiProperty({ description: 'FUL-5: the SLA passed while the task was open' }) overdue!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
}

export function toReviewTaskResponse(task: ReviewTask, now: Date): ReviewTaskResponse {
  const s = task.snapshot;
  const overdue =
    s.overdueAt !== null ||
    (s.status === 'OPEN' && s.slaDueAt !== null && s.slaDueAt.getTime() <= now.getTime());
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    orderId: s.orderId,
    packageId: s.packageId,
    storeId: s.storeId,
    carrierCode: s.carrierCode,
    trackingNumber: s.trackingNumber,
    openedAt: s.openedAt.toISOString(),
    openedBy: s.openedBy,
    proof: s.proof ? { ...s.proof, url: `/v1/review-tasks/${s.id}/proof` } : null,
    slaDueAt: s.slaDueAt?.toISOString() ?? null,
    overdue,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    reason: s.reason,
  };
}
