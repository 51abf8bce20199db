import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageRequest } from '@tradehub/platform';
import { APPEAL_OUTCOMES, type AppealOutcome } from '../domain';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export class ListPenaltiesRequest extends PageRequest {
  @ApiPropertyOptional({ description: "The account of this store's seller only" })
  @IsOptional()
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: only sellers with a fake-shipment case (counted or reversed), the ones operators work',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  withCases?: 'true' | 'false';
}

/** CMP-4: an operator's decision on a seller's appeal of a fake-shipment case. */
export class PenaltyAppealRequest {
  @ApiProperty({
    enum: APPEAL_OUTCOMES,
    description: "REVERSED takes the case's points out (and may reopen the account); UPHELD is recorded",
  })
  @IsIn(APPEAL_OUTCOMES, { message: `must be one of ${APPEAL_OUTCOMES.join(', ')}` })
  outcome!: AppealOutcome;

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'the carrier found the pickup scan' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
