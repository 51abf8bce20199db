import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ShipmentLineRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) lineId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(10000) quantity!: number;
}

/** FUL-1, FUL-2: one package with a tracking number of an approved carrier. */
export class ConfirmShipmentRequest {
  @ApiProperty({ description: 'Approved carrier code (GET /v1/carriers)', example: 'CAINIAO' })
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a carrier code' })
  carrierCode!: string;

  @ApiProperty({ example: 'LP00123456789012' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  trackingNumber!: string;

  @ApiPropertyOptional({
    type: [ShipmentLineRequest],
    description: 'Lines in this package; every line left to ship when absent',
    minItems: 1,
    maxItems: 200,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => ShipmentLineRequest)
  lines?: ShipmentLineRequest[];
}
