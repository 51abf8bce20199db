import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageRequest } from '@tradehub/platform';
import { TENDENCY_SIGNALS, type TendencySignal } from '../domain';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** REV-6: the negative-tendency list's filters and page. */
export class TendencyBoardRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'One of the stores the caller may see' })
  @IsOptional()
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({ enum: TENDENCY_SIGNALS, description: 'Only orders with a reason of this signal' })
  @IsOptional()
  @IsIn(TENDENCY_SIGNALS)
  signal?: TendencySignal;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: every open order, flagged or not; default false (the orders flagged NEGATIVE_REVIEW_TENDENCY)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}
