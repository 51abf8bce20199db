import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { instantDoc, IsInstant } from '@tradehub/platform';

/** The list's own filters (ORD-6) that narrow every tab alike, so a tab's count is its list's length. */
export class OrderCountsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() storeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() mainAccountId?: string;

  @ApiPropertyOptional(instantDoc('Paid at or after'))
  @IsOptional()
  @IsInstant()
  paidFrom?: string;

  @ApiPropertyOptional(instantDoc('Paid before'))
  @IsOptional()
  @IsInstant()
  paidTo?: string;
}

/** The console's tabs: counts per status plus the daily work queues. */
export class OrderCountsResponse {
  @ApiProperty({
    description: 'Orders per ORD-7 status code',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  byStatus!: Record<string, number>;
  @ApiProperty({ description: 'Awaiting shipment and past the ship-by deadline' }) overdue!: number;
  @ApiProperty({
    description: 'Orders per open risk flag code (CMP-5), e.g. SHIP_DEADLINE_NEAR',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  byOpenFlag!: Record<string, number>;
  @ApiProperty({ description: 'In the abnormal-logistics pool' }) abnormalLogistics!: number;
  @ApiProperty({ description: 'With a logistics review task open' }) underReview!: number;
}
