import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { instantDoc, IsInstant, PageRequest } from '@tradehub/platform';
import { ISSUE_STATUSES, type IssueStatus } from '../../domain/order-state';

export const ORDER_SORTS = ['-paidAt', 'shipBy'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** ORD-6: filters that span every store the caller may see. */
export class ListOrdersRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Only this store' })
  @IsOptional()
  @IsString()
  storeId?: string;

  @ApiPropertyOptional({ description: 'Only stores of this main account (主账号)' })
  @IsOptional()
  @IsString()
  mainAccountId?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated ORD-7 status codes',
    example: 'WAIT_SELLER_SEND_GOODS,SELLER_PART_SEND_GOODS',
  })
  @IsOptional()
  @Matches(/^[A-Z_]+(,[A-Z_]+)*$/, { message: 'must be comma-separated status codes' })
  status?: string;

  @ApiPropertyOptional(instantDoc('Paid at or after'))
  @IsOptional()
  @IsInstant()
  paidFrom?: string;

  @ApiPropertyOptional(instantDoc('Paid before'))
  @IsOptional()
  @IsInstant()
  paidTo?: string;

  @ApiPropertyOptional({
    description: 'Only orders flagged late (true) or not (false)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  late?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      'Only orders with this risk flag open (CMP-5), e.g. SHIP_DEADLINE_NEAR or SHIP_DEADLINE_MISSED',
    example: 'SHIP_DEADLINE_NEAR',
  })
  @IsOptional()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'must be a risk flag code' })
  flag?: string;

  @ApiPropertyOptional({
    description:
      'Awaiting shipment and past the ship-by deadline (the deadline instant itself counts as past)',
    enum: ['true'],
  })
  @IsOptional()
  @IsIn(['true'])
  overdue?: 'true';

  @ApiPropertyOptional({ description: 'In the abnormal-logistics pool (FUL-4)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  abnormal?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'A logistics review task is open', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  underReview?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ISSUE_STATUSES,
    description: 'Only orders with this issue status (DSP-4: refund requests and disputes)',
  })
  @IsOptional()
  @IsIn(ISSUE_STATUSES)
  issueStatus?: IssueStatus;

  @ApiPropertyOptional({
    enum: ORDER_SORTS,
    default: '-paidAt',
    description: '`shipBy`: earliest deadline first',
  })
  @IsOptional()
  @IsIn(ORDER_SORTS)
  sort?: OrderSort;
}
