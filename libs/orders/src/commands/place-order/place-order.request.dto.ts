import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { instantDoc, IsInstant } from '@tradehub/platform';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = 'must be 1-64 letters, digits, _ . : -';
const EACH_OBJECT = 'must be a list of objects';

export class MoneyRequest {
  @ApiProperty({ description: 'Integer minor units as a decimal string', example: '1999' })
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'must be a non-negative integer string of minor units' })
  minor!: string;

  @ApiProperty({ example: 'USD' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

export class OrderLineRequest {
  @ApiPropertyOptional({ description: 'Checkout line id; 1-based position if absent' })
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  lineId?: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) sku!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) title!: string;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  quantity!: number;

  @ApiProperty({ type: MoneyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  unitPrice!: MoneyRequest;
}

export class AddressRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) line1!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) line2?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postalCode?: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'ES' }) @IsISO31661Alpha2() country!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
}

export class PresaleRequest {
  @ApiProperty(instantDoc('ORD-3: the presale ship-by instant'))
  @IsInstant()
  shipBy!: string;
}

/** ORD-1: a paid order as checkout reports it (REST ingest and the `checkout` Kafka event share this shape). */
export class PlaceOrderRequest {
  @ApiProperty({ description: "Only this marketplace's own orders are managed", enum: ['marketplace'] })
  @IsString()
  channel!: string;

  @ApiProperty({
    description: 'The marketplace order id; ingest is idempotent on it',
    example: '8190123456789',
  })
  @Matches(ID, { message: ID_MESSAGE })
  marketplaceOrderId!: string;

  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) sellerId!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) mainAccountId!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) storeId!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) buyerId!: string;

  @ApiProperty({ type: [OrderLineRequest], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: EACH_OBJECT })
  @ValidateNested({ each: true })
  @Type(() => OrderLineRequest)
  lines!: OrderLineRequest[];

  @ApiProperty({ type: MoneyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  shippingFee!: MoneyRequest;

  @ApiProperty({ type: AddressRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  shippingAddress!: AddressRequest;

  @ApiProperty({ example: 'CARD' }) @IsString() @IsNotEmpty() @MaxLength(40) paymentMethod!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2 of the payment instrument', example: 'ES' })
  @IsISO31661Alpha2()
  paymentCountry!: string;

  @ApiProperty(instantDoc('Payment instant; starts the ship-by clock'))
  @IsInstant()
  paidAt!: string;

  @ApiPropertyOptional({ type: PresaleRequest, description: 'Present for presale orders (ORD-3)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PresaleRequest)
  presale?: PresaleRequest;
}

export const CHANNELS = ['marketplace'] as const;
