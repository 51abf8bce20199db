import { ApiProperty } from '@nestjs/swagger';
import type { OrderTendencyRow } from '../database/order-tendency.repository';
import { TENDENCY_SIGNALS } from '../domain';

export class TendencyReasonResponse {
  @ApiProperty({ enum: TENDENCY_SIGNALS, example: 'LOGISTICS_STALLED' }) signal!: string;
  @ApiProperty({ example: 'LOGISTICS_STALLED' }) code!: string;
  @ApiProperty({ example: 'The parcel has no recent tracking update: the buyer cannot see it moving' })
  message!: string;
  @ApiProperty({ description: 'Points this reason added to the score' }) points!: number;
}

/** REV-6: one order's negative-review tendency, with the reasons behind it in a seller's words. */
export class TendencyOrderResponse {
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({
    description:
      'At or above REVIEW_TENDENCY_FLAG_SCORE while the order is open: NEGATIVE_REVIEW_TENDENCY (14) is raised',
  })
  flagged!: boolean;
  @ApiProperty({ type: [TendencyReasonResponse], description: 'Highest points first' })
  reasons!: TendencyReasonResponse[];
  @ApiProperty({ description: 'The ship-by deadline was missed (ORD-2)' }) lateShipment!: boolean;
  @ApiProperty({ description: 'No first scan, stalled or abnormal tracking (FUL-3, FUL-4)' })
  logisticsStalled!: boolean;
  @ApiProperty({ description: 'A refund or return request is open or in arbitration' }) openIssue!: boolean;
  @ApiProperty({ description: 'Cancelled or reviewed: no longer scored or listed' }) closed!: boolean;
  @ApiProperty() scoredAt!: string;
}

export class TendencyPageResponse {
  @ApiProperty({ type: [TendencyOrderResponse] }) items!: TendencyOrderResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** The fields a caller may see (the buyer's id stays inside). */
export function tendencyView(r: OrderTendencyRow): TendencyOrderResponse {
  return {
    orderId: r.orderId,
    storeId: r.storeId,
    score: r.score,
    flagged: r.flagged,
    reasons: r.reasons.map(({ signal, code, message, points }) => ({ signal, code, message, points })),
    lateShipment: r.lateShipment,
    logisticsStalled: r.logisticsStalled,
    openIssue: r.openIssue,
    closed: r.closed,
    scoredAt: r.scoredAt.toISOString(),
  };
}
