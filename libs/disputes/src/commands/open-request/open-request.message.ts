import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PositiveAmountRequest } from '@tradehub/platform';
import { REQUEST_KINDS, type RequestKind } from '../../contract/events';

export const EXTERNAL_ID = /^[\x21-\x7e]{1,128}$/;
export const SHA256 = /^[0-9a-f]{64}$/;

/** A buyer's refund request as the buyer-facing team sends it (REST and the buyers' topic share it). */
export class OpenRequestMessage {
  @ApiProperty({
    example: 'rr-20260301-778899',
    description: "The marketplace's request id; a repeat is the same request",
  })
  @Matches(EXTERNAL_ID, { message: 'must be 1-128 printable ASCII characters' })
  requestId!: string;

  @ApiProperty({ description: "tradehub's order id (as in tradehub.orders.order-placed)" })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @ApiProperty({ type: PositiveAmountRequest, description: 'At most what is still refundable on the order' })
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount!: PositiveAmountRequest;

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'item arrived broken' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'sha256 of evidence files uploaded first (POST /v1/disputes/evidence)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(SHA256, { each: true, message: 'each must be the sha256 (hex) of an uploaded file' })
  evidence?: string[];
}

/** The same request on the buyers' topic, told apart from the team's other messages by `type`. */
export class BuyerRefundRequestedMessage extends OpenRequestMessage {
  @ApiProperty({ enum: ['refund-requested'] })
  @IsIn(['refund-requested'])
  type!: 'refund-requested';
}
