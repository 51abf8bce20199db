import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsUUID, ValidateNested } from 'class-validator';
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
  @ApiProperty({ enum: ['SHIPPED', 'FAILED'] }) outcome!: 'SHIPPED' | 'FAILED';
  @ApiPropertyOptional({ type: PackageResponse }) package?: PackageResponse;
  @ApiPropertyOptional({ type: BatchItemProblem, description: 'Why this item was refused (problem details)' })
  problem?: BatchItemProblem;
}

export class ConfirmShipmentBatchResponse {
  @ApiProperty() shipped!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [BatchItemResult] }) results!: BatchItemResult[];
}
