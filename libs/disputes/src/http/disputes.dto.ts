import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, PageRequest, PositiveAmountRequest } from '@tradehub/platform';
import { REQUEST_KINDS } from '../contract/events';
import { REQUEST_STATUSES } from '../domain';
import { EXTERNAL_ID, SHA256 } from '../commands/open-request/open-request.message';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

class WithEvidence {
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

/** DSP-1: exactly one of accept, partial (amount, reason, evidence), refuse (preset reason, evidence). */
export class AnswerRequestDto extends WithEvidence {
  @ApiProperty({ enum: ['ACCEPT', 'PARTIAL', 'REFUSE'] })
  @IsIn(['ACCEPT', 'PARTIAL', 'REFUSE'])
  answer!: 'ACCEPT' | 'PARTIAL' | 'REFUSE';

  @ApiPropertyOptional({
    type: PositiveAmountRequest,
    description: 'PARTIAL: less than the requested amount',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount?: PositiveAmountRequest;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: "PARTIAL: why; REFUSE: one of the platform's reasons (DISPUTE_REFUSAL_REASONS)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** DSP-3: confirm the full refund, a partial one (amount, reason, evidence), or contest the goods (reason, evidence). */
export class InspectionDto extends WithEvidence {
  @ApiProperty({ enum: ['FULL', 'PARTIAL', 'CONTEST'] })
  @IsIn(['FULL', 'PARTIAL', 'CONTEST'])
  decision!: 'FULL' | 'PARTIAL' | 'CONTEST';

  @ApiPropertyOptional({ type: PositiveAmountRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount?: PositiveAmountRequest;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class EscalationDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'the photos show the item intact' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class ArbitrationDto {
  @ApiProperty({ enum: ['FULL', 'PARTIAL', 'NONE'] })
  @IsIn(['FULL', 'PARTIAL', 'NONE'])
  decision!: 'FULL' | 'PARTIAL' | 'NONE';

  @ApiPropertyOptional({ type: PositiveAmountRequest, description: 'PARTIAL only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount?: PositiveAmountRequest;

  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class OfferAnswerDto {
  @ApiProperty({ enum: ['ACCEPT', 'DECLINE'] })
  @IsIn(['ACCEPT', 'DECLINE'])
  answer!: 'ACCEPT' | 'DECLINE';
}

export class ReturnShipmentDto {
  @ApiProperty({ example: 'CAINIAO' })
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a carrier code' })
  carrierCode!: string;

  @ApiProperty({ example: 'LP00123456789012' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,64}$/, { message: 'must be 4-64 letters, digits or dashes' })
  trackingNumber!: string;
}

/** The buyer-facing team's messages on the buyers' topic besides a new request, each with its `type`, named by the marketplace's request id. */
export class BuyerOfferAnswerMessage extends OfferAnswerDto {
  @ApiProperty({ enum: ['offer-answered'] })
  @IsIn(['offer-answered'])
  type!: 'offer-answered';

  @ApiProperty()
  @Matches(EXTERNAL_ID, { message: 'must be 1-128 printable ASCII characters' })
  requestId!: string;
}

export class BuyerReturnShipmentMessage extends ReturnShipmentDto {
  @ApiProperty({ enum: ['return-shipped'] })
  @IsIn(['return-shipped'])
  type!: 'return-shipped';

  @ApiProperty()
  @Matches(EXTERNAL_ID, { message: 'must be 1-128 printable ASCII characters' })
  requestId!: string;
}

export class BuyerEscalationMessage extends EscalationDto {
  @ApiProperty({ enum: ['escalated'] })
  @IsIn(['escalated'])
  type!: 'escalated';

  @ApiProperty()
  @Matches(EXTERNAL_ID, { message: 'must be 1-128 printable ASCII characters' })
  requestId!: string;
}

export class ListRequestsDto extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: REQUEST_KINDS }) @IsOptional() @IsIn(REQUEST_KINDS) kind?: string;
  @ApiPropertyOptional({ description: 'Requested at or after' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: 'Requested before' }) @IsOptional() @IsInstant() to?: string;
}

export const RISK_SIGNALS = [
  'ADDRESS_AMBIGUOUS',
  'PAYMENT_ANOMALY',
  'SERIAL_RETURNER',
  'LATE_SHIPMENT',
  'LOGISTICS_STALLED',
];

export class RiskBoardDto extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional({ enum: RISK_SIGNALS }) @IsOptional() @IsIn(RISK_SIGNALS) signal?: string;
  @ApiPropertyOptional({
    enum: ['LOW', 'MEDIUM', 'HIGH', 'ANY'],
    description: 'Default HIGH (the high-risk list)',
  })
  @IsOptional()
  @IsIn(['LOW', 'MEDIUM', 'HIGH', 'ANY'])
  level?: 'LOW' | 'MEDIUM' | 'HIGH' | 'ANY';
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number;
  @ApiPropertyOptional({ enum: ['score', 'scoredAt'], description: 'Default score, highest first' })
  @IsOptional()
  @IsIn(['score', 'scoredAt'])
  sort?: 'score' | 'scoredAt';
}

export class DisputeRateDto {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 366, description: 'Default DISPUTE_RATE_WINDOW_DAYS (90)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  windowDays?: number;
}
