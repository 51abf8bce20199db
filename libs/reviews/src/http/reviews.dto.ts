import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, PageRequest } from '@tradehub/platform';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export class ListReviewsDto extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Overall rating' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
  @ApiPropertyOptional({ description: 'true: replied reviews only; false: awaiting a reply' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  hasReply?: boolean;
  @ApiPropertyOptional({ description: 'Reviewed at or after' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: 'Reviewed before' }) @IsOptional() @IsInstant() to?: string;
}

export class ReplyDto {
  @ApiProperty({ minLength: 1, description: 'At most REVIEW_REPLY_MAX_CHARS characters, any language' })
  @IsString()
  @MaxLength(20_000)
  text!: string;
}

export class StoreRatingsDto {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 730, description: 'Default REVIEW_WINDOW_DAYS (90)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  windowDays?: number;
}
