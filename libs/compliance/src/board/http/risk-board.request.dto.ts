import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { instantDoc, IsInstant, PageRequest } from '@tradehub/platform';
import { RISK_CODES, RISK_SEVERITIES, RISK_TYPES } from '../domain/risk-types';
import type { BoardStatus } from '../database/board-flag.repository';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const BOARD_STATUSES: readonly BoardStatus[] = ['open', 'cleared', 'all'];
/** A type by code or by number, as the dashboard may name it either way. */
const TYPE_NAMES = [...RISK_CODES, ...RISK_TYPES.map((t) => String(t.number))];

/** CMP-5: the store filter the list and the counts share. */
export class BoardCountsRequest {
  @ApiPropertyOptional({ description: 'One of the stores the caller may see (another gives no flags)' })
  @IsOptional()
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId?: string;
}

/** CMP-5: the risk board's filters and page. */
export class BoardFlagsRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'One of the stores the caller may see (another gives no flags)' })
  @IsOptional()
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({ enum: BOARD_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(BOARD_STATUSES, { message: `must be one of ${BOARD_STATUSES.join(', ')}` })
  status?: BoardStatus;

  @ApiPropertyOptional({
    description: 'A risk type by code (LOGISTICS_STALLED) or by number (6)',
    example: 'LOGISTICS_STALLED',
  })
  @IsOptional()
  @IsIn(TYPE_NAMES, { message: 'must be a risk type code or a number from 1 to 17' })
  type?: string;

  @ApiPropertyOptional({ enum: RISK_SEVERITIES })
  @IsOptional()
  @IsIn(RISK_SEVERITIES, { message: `must be one of ${RISK_SEVERITIES.join(', ')}` })
  severity?: (typeof RISK_SEVERITIES)[number];

  @ApiPropertyOptional(instantDoc('Raised at or after'))
  @IsOptional()
  @IsInstant()
  raisedFrom?: string;

  @ApiPropertyOptional(instantDoc('Raised before'))
  @IsOptional()
  @IsInstant()
  raisedTo?: string;
}
