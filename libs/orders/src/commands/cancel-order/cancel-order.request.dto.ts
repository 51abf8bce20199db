import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CANCEL_INITIATORS,
  CANCEL_REASONS,
  type CancelInitiator,
  type CancelReason,
} from '../../domain/cancellation';

/** ORD-5: who cancels and why. Sellers and their ERPs always cancel as SELLER. */
export class CancelOrderRequest {
  @ApiProperty({ enum: CANCEL_INITIATORS })
  @IsIn(CANCEL_INITIATORS)
  initiator!: CancelInitiator;

  @ApiProperty({ enum: CANCEL_REASONS })
  @IsIn(CANCEL_REASONS)
  reason!: CancelReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
