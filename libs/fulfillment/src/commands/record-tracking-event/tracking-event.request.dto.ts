import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { instantDoc, IsInstant } from '@tradehub/platform';
import { TRACKING_EVENT_TYPES, type TrackingEventType } from '../../domain';

/** A carrier scan as the logistics team reports it (REST and the `logistics` Kafka topic share this shape). */
export class TrackingEventRequest {
  @ApiProperty({ description: "The carrier's event id; a redelivery with the same id changes nothing" })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  eventId!: string;

  @ApiProperty({ example: 'CAINIAO' })
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a carrier code' })
  carrierCode!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) trackingNumber!: string;

  @ApiProperty({ enum: TRACKING_EVENT_TYPES })
  @IsIn(TRACKING_EVENT_TYPES)
  type!: TrackingEventType;

  @ApiProperty(instantDoc("Carrier's time of the scan; a late older scan never moves state backwards"))
  @IsInstant()
  occurredAt!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class TrackingEventResult {
  @ApiProperty({ description: 'Packages the scan was applied to (0 when it was a redelivery)' })
  applied!: number;
  @ApiProperty({ type: [String] }) packageIds!: string[];
  @ApiProperty({
    description:
      'No package uses this number yet: the scan is kept and applied when the shipment is confirmed',
  })
  parked!: boolean;
}
