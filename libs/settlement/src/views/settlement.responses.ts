import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '@tradehub/platform';

export class BalanceResponse {
  @ApiProperty({ example: 'store-es-01' }) storeId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '11951', description: 'SET-1: proceeds delivered, not yet released' })
  frozen!: string;
  @ApiProperty({
    example: '-300',
    description: 'SET-3/5: released money; negative is a debt later releases pay first',
  })
  available!: string;
  @ApiProperty({ example: '0', description: 'SET-4: withdrawn, not yet paid out' }) payoutInTransit!: string;
}

export class PostingResponse {
  @ApiProperty({
    example: 'store-es-01:FROZEN',
    description: 'owner (a store id or `platform`) and account kind',
  })
  account!: string;
  @ApiProperty({ example: '11951', description: 'Signed minor units, credit positive' }) amount!: string;
  @ApiProperty({ example: '11951' }) balanceAfter!: string;
}

export class EntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '42', description: 'Ledger order' }) seq!: string;
  @ApiProperty({ example: 'freeze:019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b' }) idempotencyKey!: string;
  @ApiProperty({ example: 'FREEZE' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) storeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) orderId!: string | null;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) reversesEntryId!: string | null;
  @ApiProperty({ type: Object, example: { rate: '7.1234' } }) metadata!: Record<string, unknown>;
  @ApiProperty({ type: [PostingResponse] }) postings!: PostingResponse[];
}

export class EntryPageResponse {
  @ApiProperty({ type: [EntryResponse] }) items!: EntryResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class WithdrawalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ type: MoneyResponse }) amount!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) payout!: MoneyResponse;
  @ApiProperty({ nullable: true, type: String, example: '7.1234' }) rate!: string | null;
  @ApiProperty({ nullable: true, type: String }) quoteId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '71234.00',
    description: 'Exact converted amount, payout minor units',
  })
  exactPayout!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '0.00',
    description: 'Rounded minus exact (half-to-even)',
  })
  roundingDifference!: string | null;
  @ApiProperty({ enum: ['REQUESTED', 'COMPLETED', 'FAILED'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) settledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty({ type: [String] }) entryIds!: string[];
}

export class FxQuoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ example: 'USD' }) from!: string;
  @ApiProperty({ example: 'CNY' }) to!: string;
  @ApiProperty({ example: '7.1234', description: 'Units of `to` per unit of `from`; no spread' })
  rate!: string;
  @ApiProperty() rateAsOf!: string;
  @ApiProperty() quotedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) usedBy!: string | null;
}

export class HoldDecisionResponse {
  @ApiProperty({ enum: ['RELEASE', 'KEEP_HOLDING'] }) decision!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() decidedAt!: string;
}

export class RefundRecordResponse {
  @ApiProperty() refundId!: string;
  @ApiProperty() amountMinor!: string;
  @ApiProperty() commissionReturnedMinor!: string;
  @ApiProperty({ enum: ['FROZEN', 'AVAILABLE', 'NOT_FROZEN_YET'] }) takenFrom!: string;
  @ApiProperty({ nullable: true, type: String }) entryId!: string | null;
  @ApiProperty() postedAt!: string;
}

export class SettlementOrderResponse {
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ enum: ['NOT_DUE', 'FROZEN', 'IN_REVIEW', 'HELD', 'RELEASED'] }) fundStatus!: string;
  @ApiProperty({ type: MoneyResponse }) total!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) commission!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) refunded!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Frozen now for this order' }) frozen!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) released!: MoneyResponse;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SET-2: 00:00 UTC of day 5' }) reviewAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SET-3: 10:00 UTC of day 7' }) releaseAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'SET-3: when the money was last held (the day-5 review, or day 7 for a later signal)',
  })
  heldAt!: string | null;
  @ApiProperty({ type: [String], example: ['FAKE_SHIPMENT_CONFIRMED'] }) holdReasons!: string[];
  @ApiProperty({ type: [HoldDecisionResponse] }) decisions!: HoldDecisionResponse[];
  @ApiProperty({ nullable: true, type: String }) releasedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'SET-7: delivery to release' })
  payoutCycleSeconds!: number | null;
  @ApiProperty({ type: [RefundRecordResponse] }) refunds!: RefundRecordResponse[];
  @ApiProperty({ type: [EntryResponse], description: 'The ledger entries of this order, in order' })
  entries!: EntryResponse[];
}

export class WithdrawalPageResponse {
  @ApiProperty({ type: [WithdrawalResponse] }) items!: WithdrawalResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class SettlementOrderPageResponse {
  @ApiProperty({ type: [SettlementOrderResponse] }) items!: SettlementOrderResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReleaseDayResponse {
  @ApiProperty({ example: '2026-03-08', description: 'The UTC day of the release' }) day!: string;
  @ApiProperty({
    example: '2026-03-08T10:00:00.000Z',
    description: "SET-3: the day's earliest scheduled release instant",
  })
  releaseAt!: string;
  @ApiProperty({ type: MoneyResponse, description: 'Frozen proceeds that unfreeze that day, exact' })
  amount!: MoneyResponse;
  @ApiProperty({ example: 3 }) orders!: number;
}

export class HeldAmountResponse {
  @ApiProperty({
    type: MoneyResponse,
    description: 'Frozen proceeds a held review keeps until an operator decides',
  })
  amount!: MoneyResponse;
  @ApiProperty({ example: 1 }) orders!: number;
}

export class ReleaseScheduleResponse {
  @ApiProperty({
    type: [ReleaseDayResponse],
    description: 'Scheduled releases by UTC day and currency, earliest first (not reviewed yet, or passed)',
  })
  days!: ReleaseDayResponse[];
  @ApiProperty({ type: [HeldAmountResponse], description: 'Held reviews per currency: no release day yet' })
  held!: HeldAmountResponse[];
}

export class PayoutCycleResponse {
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 7.2,
    description: 'SET-7: mean days, delivery to release; null with no release',
  })
  averageDays!: number | null;
  @ApiProperty({ example: 120 }) releasedOrders!: number;
}
