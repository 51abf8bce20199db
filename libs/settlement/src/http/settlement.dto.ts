import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, PageRequest, PositiveAmountRequest } from '@tradehub/platform';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE, STORE_ACCOUNT_KINDS } from '../domain';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export class WithdrawalRequestDto {
  @ApiProperty({ example: 'store-es-01' })
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ type: PositiveAmountRequest })
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount!: PositiveAmountRequest;

  @ApiPropertyOptional({
    description:
      'Convert to CNY at this quote (POST /v1/settlement/fx-quotes); absent pays out in the original currency',
  })
  @IsOptional()
  @IsUUID()
  quoteId?: string;
}

export class FxQuoteRequestDto {
  @ApiProperty({ example: 'store-es-01' })
  @Matches(STORE_ID, { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ example: 'USD', description: 'The balance currency to convert to CNY' })
  @IsISO4217CurrencyCode()
  from!: string;
}

export class FxRateRequestDto {
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() from!: string;
  @ApiProperty({ example: 'CNY' }) @IsISO4217CurrencyCode() to!: string;

  @ApiProperty({ example: '7.1234', description: 'Units of `to` per unit of `from`, a decimal string' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,12})?$/, { message: 'must be a positive decimal string such as 7.1234' })
  rate!: string;

  @ApiProperty({ example: '2026-03-09T00:00:00Z', description: 'When the rate takes effect' })
  @IsInstant()
  asOf!: string;
}

export class HoldDecisionRequestDto {
  @ApiProperty({ enum: ['RELEASE', 'KEEP_HOLDING'] })
  @IsIn(['RELEASE', 'KEEP_HOLDING'])
  decision!: 'RELEASE' | 'KEEP_HOLDING';

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'case reviewed, shipment genuine' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class RefundRequestDto {
  @ApiProperty({ example: 'rf-778899', description: "The refund's id at its source; a repeat posts once" })
  @IsString()
  @Matches(EXTERNAL_ID, { message: EXTERNAL_ID_MESSAGE })
  refundId!: string;

  @ApiProperty() @IsUUID() orderId!: string;

  @ApiProperty({ type: PositiveAmountRequest })
  @ValidateNested()
  @Type(() => PositiveAmountRequest)
  amount!: PositiveAmountRequest;
}

export class EntriesRequestDto extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ example: 'USD' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;

  @ApiPropertyOptional({
    enum: STORE_ACCOUNT_KINDS,
    description: "Entries touching this kind of the store's accounts",
  })
  @IsOptional()
  @IsIn(STORE_ACCOUNT_KINDS)
  accountKind?: string;

  @ApiPropertyOptional({ description: 'occurredAt from (inclusive)' })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'occurredAt to (exclusive)' }) @IsOptional() @IsInstant() to?: string;
}

export class StoreFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
}

export class WithdrawalsRequestDto extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(STORE_ID, { message: 'must be a store id' }) storeId?: string;
}

export class OrderIssueRequestDto {
  @ApiProperty({ example: 'rr-5566', description: "The refund request's or dispute's id at its source" })
  @IsString()
  @Matches(EXTERNAL_ID, { message: EXTERNAL_ID_MESSAGE })
  issueId!: string;

  @ApiProperty() @IsUUID() orderId!: string;

  @ApiProperty({ enum: ['OPEN', 'CLOSED'] })
  @IsIn(['OPEN', 'CLOSED'])
  status!: 'OPEN' | 'CLOSED';
}

export class SellerAccountRequestDto {
  @ApiProperty({ description: 'true: closed (CMP-4); false: reopened' })
  @IsBoolean()
  closed!: boolean;

  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'second confirmed fake-shipment case' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

/** The payments team's message on its payout-results topic. */
export class PayoutResultMessage {
  @IsUUID() withdrawalId!: string;
  @IsIn(['COMPLETED', 'FAILED']) outcome!: 'COMPLETED' | 'FAILED';
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** The treasury team's message on its rates topic. */
export class TreasuryRateMessage extends FxRateRequestDto {}
