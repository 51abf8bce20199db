import { ApiProperty } from '@nestjs/swagger';
import { IsISO4217CurrencyCode, IsString, Matches } from 'class-validator';

/**
 * Money in and out of the API, one class each so every context's OpenAPI schema of the same name is
 * the same schema (Swagger keys schemas by class name).
 */
export class MoneyResponse {
  @ApiProperty({ description: 'Integer minor units as a decimal string', example: '1999' }) minor!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

/** A positive amount (a refund, a withdrawal): integer minor units as a decimal string, ISO 4217 currency. */
export class PositiveAmountRequest {
  @ApiProperty({ example: '10000', description: 'Positive integer minor units as a decimal string' })
  @IsString()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'must be a positive integer string of minor units' })
  minor!: string;

  @ApiProperty({ example: 'USD' })
  @IsISO4217CurrencyCode()
  currency!: string;
}
