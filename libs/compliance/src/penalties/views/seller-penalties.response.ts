import { ApiProperty } from '@nestjs/swagger';
import type { StoreScope } from '@tradehub/platform';
import type { SellerPenalties } from '../database';
import { APPEAL_OUTCOMES, type PenaltyCase } from '../domain';
import type { PenaltyPolicy } from '../penalties.config';

export class PenaltyAppealResponse {
  @ApiProperty({ enum: APPEAL_OUTCOMES }) outcome!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: "The operator's id" }) decidedBy!: string;
  @ApiProperty() decidedAt!: string;
}

export class PenaltyCaseResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() packageId!: string;
  @ApiProperty({ description: "Fulfillment's review task that confirmed the fake shipment (FUL-6)" })
  taskId!: string;
  @ApiProperty({ description: 'Points the case costs while it counts', example: 6 }) points!: number;
  @ApiProperty({ description: "The reviewer's reason" }) reason!: string;
  @ApiProperty({ description: 'The reviewer who confirmed it' }) confirmedBy!: string;
  @ApiProperty() confirmedAt!: string;
  @ApiProperty({ description: 'When Compliance recorded the case' }) recordedAt!: string;
  @ApiProperty({ description: 'False once an appeal reversed it: the case stays on record, uncounted' })
  counted!: boolean;
  @ApiProperty({ nullable: true, type: String }) reversedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) reversedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) reversalReason!: string | null;
  @ApiProperty({ type: [PenaltyAppealResponse], description: 'Appeal decisions, oldest first' })
  appeals!: PenaltyAppealResponse[];
}

export class SellerPenaltiesResponse {
  @ApiProperty() sellerId!: string;
  @ApiProperty({ type: [String], description: "The seller's stores the caller may see" }) storeIds!: string[];
  @ApiProperty({ description: "CMP-4: the account's points over its life, reversed cases taken out" })
  points!: number;
  @ApiProperty({ description: 'Cases that count (not reversed)' }) countedCases!: number;
  @ApiProperty({ description: 'PENALTY_CASES_TO_CLOSE: counted cases that close the account' })
  casesToClose!: number;
  @ApiProperty({ description: 'A closed account takes no new orders and confirms no shipments' })
  closed!: boolean;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({
    type: [PenaltyCaseResponse],
    description: 'Every case of the stores the caller may see, oldest first, reversed ones included',
  })
  cases!: PenaltyCaseResponse[];
}

export class SellerPenaltiesPageResponse {
  @ApiProperty({ type: [SellerPenaltiesResponse] }) items!: SellerPenaltiesResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function caseView(c: PenaltyCase): PenaltyCaseResponse {
  return {
    caseId: c.caseId,
    storeId: c.storeId,
    orderId: c.orderId,
    packageId: c.packageId,
    taskId: c.taskId,
    points: c.points,
    reason: c.reason,
    confirmedBy: c.confirmedBy,
    confirmedAt: c.confirmedAt.toISOString(),
    recordedAt: c.recordedAt.toISOString(),
    counted: c.reversedAt === null,
    reversedAt: iso(c.reversedAt),
    reversedBy: c.reversedBy,
    reversalReason: c.reversalReason,
    appeals: c.appeals.map((a) => ({
      outcome: a.outcome,
      reason: a.reason,
      decidedBy: a.decidedBy,
      decidedAt: a.decidedAt.toISOString(),
    })),
  };
}

/**
 * The account's figures are the seller's (they decide whether the caller's stores may trade); its
 * cases are shown only for stores the caller may see (API-2).
 */
export function sellerPenaltiesView(
  { sellerId, storeIds, account }: SellerPenalties,
  scope: StoreScope,
  policy: PenaltyPolicy,
): SellerPenaltiesResponse {
  return {
    sellerId,
    storeIds,
    points: account?.points ?? 0,
    countedCases: account?.countedCases ?? 0,
    casesToClose: policy.casesToClose,
    closed: account?.closed ?? false,
    closedAt: iso(account?.closedAt ?? null),
    cases: (account?.cases ?? []).filter((c) => scope.allows(c.storeId)).map(caseView),
  };
}
