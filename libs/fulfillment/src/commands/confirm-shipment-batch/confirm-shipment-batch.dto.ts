import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { ConfirmShipmentRequest } from '../confirm-shipment/confirm-shipment.request.dto';
import { PackageResponse } from '../../views/package.response';

export class BatchShipmentItem extends ConfirmShipmentRequest {
  @ApiProperty() @IsUUID() orderId!: string;
}

/** For ERPs: many confirmations in one call, each applied (or refused) on its own. */
export class ConfirmShipmentBatchRequest {
  @ApiProperty({ type: [BatchShipmentItem], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => BatchShipmentItem)
  items!: BatchShipmentItem[];

  @ApiPropertyOptional({
    default: false,
    description:
      "Check every item as it would be confirmed (the same refusals) and change nothing: a spreadsheet import's preview. Outcomes are then WOULD_SHIP or FAILED",
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class BatchItemProblem {
  @ApiProperty() status!: number;
  @ApiProperty() code!: string;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
  })
  errors?: { field: string; message: string }[];
}

export class BatchItemResult {
  @ApiProperty({ description: 'Position in the request' }) index!: number;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['SHIPPED', 'WOULD_SHIP', 'FAILED'] }) outcome!: 'SHIPPED' | 'WOULD_SHIP' | 'FAILED';
  @ApiPropertyOptional({ type: PackageResponse }) package?: PackageResponse;
  @ApiPropertyOptional({ type: BatchItemProblem, description: 'Why this item was refused (problem details)' })
  problem?: BatchItemProblem;
}

export class ConfirmShipmentBatchResponse {
  @ApiProperty({ description: 'A preview: nothing was changed' }) dryRun!: boolean;
  @ApiProperty({ description: 'Items shipped (or, in a preview, that would ship)' }) shipped!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [BatchItemResult] }) results!: BatchItemResult[];
}
