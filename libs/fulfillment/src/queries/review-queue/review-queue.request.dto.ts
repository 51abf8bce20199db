import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageRequest } from '@tradehub/platform';
import { REVIEW_TASK_KINDS, REVIEW_TASK_STATUSES } from '../../domain';

export class ReviewQueueRequest extends PageRequest {
  @ApiPropertyOptional({ enum: REVIEW_TASK_STATUSES, default: 'OPEN' })
  @IsOptional()
  @IsIn(REVIEW_TASK_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: REVIEW_TASK_KINDS }) @IsOptional() @IsIn(REVIEW_TASK_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() storeId?: string;
}
