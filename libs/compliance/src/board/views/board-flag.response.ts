import { ApiProperty } from '@nestjs/swagger';
import type { BoardFlagRow } from '../database/board-flag.repository';
import { RISK_CODES, RISK_SEVERITIES } from '../domain/risk-types';

/** CMP-5: one flag on the risk board, as a caller may see it. */
export class BoardFlagResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 1, maximum: 17, description: "The rulebook's number of the risk type" })
  riskType!: number;
  @ApiProperty({ enum: RISK_CODES, example: 'LOGISTICS_STALLED' }) code!: string;
  @ApiProperty({ enum: RISK_SEVERITIES }) severity!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a store-level flag' })
  orderId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set for a package-level flag (FUL-3..FUL-6)' })
  packageId!: string | null;
  @ApiProperty({ example: 'no tracking event since 2026-03-04T08:00:00.000Z' }) reason!: string;
  @ApiProperty({ example: 'fulfillment', description: 'The context that raised it' }) source!: string;
  @ApiProperty({ enum: ['open', 'cleared'] }) status!: 'open' | 'cleared';
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ nullable: true, type: String }) clearedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'the order shipped' }) clearReason!: string | null;
}

export class BoardFlagPageResponse {
  @ApiProperty({ type: [BoardFlagResponse] }) items!: BoardFlagResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** The fields a caller may see of a flag. */
export function boardFlagView(f: BoardFlagRow): BoardFlagResponse {
  return {
    id: f.id,
    riskType: f.riskType,
    code: f.code,
    severity: f.severity,
    storeId: f.storeId,
    orderId: f.orderId,
    packageId: f.packageId,
    reason: f.reason,
    source: f.source,
    status: f.clearedAt === null ? 'open' : 'cleared',
    raisedAt: f.raisedAt.toISOString(),
    clearedAt: f.clearedAt?.toISOString() ?? null,
    clearReason: f.clearReason,
  };
}
