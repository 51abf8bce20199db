import { ApiProperty } from '@nestjs/swagger';
import type { OrderRiskRow } from '../database/order-risk.repository';

export class RiskReasonResponse {
  @ApiProperty({ example: 'ADDRESS_AMBIGUOUS' }) signal!: string;
  @ApiProperty({ example: 'POSTAL_CODE_MISSING' }) code!: string;
  @ApiProperty({ example: 'The address has no postal code' }) message!: string;
  @ApiProperty() points!: number;
}

/** DSP-5: one open order's dispute risk, with the reasons behind it in a seller's words. */
export class OrderRiskResponse {
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ enum: ['LOW', 'MEDIUM', 'HIGH'] }) level!: string;
  @ApiProperty({ type: [RiskReasonResponse] }) reasons!: RiskReasonResponse[];
  @ApiProperty({ type: [String], description: 'Risk types raised (11, 12, 13)' }) flags!: string[];
  @ApiProperty() lateShipment!: boolean;
  @ApiProperty() logisticsStalled!: boolean;
  @ApiProperty({ description: 'A refund request or dispute was opened on the order' }) disputed!: boolean;
  @ApiProperty() closed!: boolean;
  @ApiProperty() paidAt!: string;
  @ApiProperty() scoredAt!: string;
}

export class RiskBoardPageResponse {
  @ApiProperty({ type: [OrderRiskResponse] }) items!: OrderRiskResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** DSP-6: a store's dispute rate over the window; a store with no orders is "not rated" (null). */
export class DisputeRateResponse {
  @ApiProperty() storeId!: string;
  @ApiProperty() windowDays!: number;
  @ApiProperty({ description: 'First UTC day of the window' }) from!: string;
  @ApiProperty({ description: 'Last UTC day of the window (today)' }) to!: string;
  @ApiProperty() orders!: number;
  @ApiProperty() disputedOrders!: number;
  @ApiProperty({ nullable: true, type: String, example: '0.032000' }) rate!: string | null;
}

export function orderRiskView(r: OrderRiskRow): OrderRiskResponse {
  return {
    orderId: r.orderId,
    storeId: r.storeId,
    score: r.score,
    level: r.level,
    reasons: r.reasons,
    flags: r.flags,
    lateShipment: r.lateShipment,
    logisticsStalled: r.logisticsStalled,
    disputed: r.disputed,
    closed: r.closed,
    paidAt: r.paidAt.toISOString(),
    scoredAt: r.scoredAt.toISOString(),
  };
}
