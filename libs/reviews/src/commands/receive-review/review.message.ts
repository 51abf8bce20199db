import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const EXTERNAL_ID = /^[\x21-\x7e]{1,128}$/;

const Rating = () => (target: object, key: string) => {
  ApiProperty({ minimum: 1, maximum: 5, example: 5 })(target, key);
  IsInt({ message: 'must be an integer from 1 to 5' })(target, key);
  Min(1, { message: 'must be an integer from 1 to 5' })(target, key);
  Max(5, { message: 'must be an integer from 1 to 5' })(target, key);
};

export class DsrRatingsRequest {
  @Rating() itemAsDescribed!: number;
  @Rating() communication!: number;
  @Rating() shippingSpeed!: number;
}

/** REV-1: a buyer's review as the buyer-facing team sends it (REST and the reviews topic share it). */
export class ReviewMessage {
  @ApiProperty({
    example: 'rv-20260310-5566',
    description: "The marketplace's review id; a repeat is the same review",
  })
  @Matches(EXTERNAL_ID, { message: 'must be 1-128 printable ASCII characters' })
  reviewId!: string;

  @ApiProperty({ description: "tradehub's order id" })
  @IsUUID()
  orderId!: string;

  @Rating() overall!: number;

  @ApiProperty({ type: DsrRatingsRequest })
  @ValidateNested()
  @Type(() => DsrRatingsRequest)
  dsr!: DsrRatingsRequest;

  @ApiProperty({
    example: 'Arrived quickly, exactly as pictured.',
    description: 'Any language, stored as written; at most REVIEW_TEXT_MAX_CHARS characters (may be empty)',
  })
  @IsString()
  @MaxLength(20_000)
  text!: string;
}
