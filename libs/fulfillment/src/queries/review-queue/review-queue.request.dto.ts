import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { REVIEW_TASK_KINDS, REVIEW_TASK_STATUSES } from '../../domain';

export class ReviewQueueRequest {
  @ApiPropertyOptional({ enum: REVIEW_TASK_STATUSES, default: 'OPEN' })
  @IsOptional()
  @IsIn(REVIEW_TASK_STATUSES)
  status?: string;
  @ApiPropertyOptional({ enum: REVIEW_TASK_KINDS }) @IsOptional() @IsIn(REVIEW_TASK_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() storeId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
}
