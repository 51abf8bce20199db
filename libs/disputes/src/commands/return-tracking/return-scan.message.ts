import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { instantDoc, IsInstant } from '@tradehub/platform';

export const RETURN_SCAN_TYPES = ['PICKUP', 'IN_TRANSIT', 'EXCEPTION', 'DELIVERED'] as const;

/** A carrier scan of a return parcel (REST and the return-tracking topic share this shape, as the logistics feed's). */
export class ReturnScanMessage {
  @ApiProperty({ description: "The carrier's event id" })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  eventId!: string;

  @ApiProperty({ example: 'CAINIAO' })
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a carrier code' })
  carrierCode!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) trackingNumber!: string;

  @ApiProperty({ enum: RETURN_SCAN_TYPES })
  @IsIn(RETURN_SCAN_TYPES)
  type!: (typeof RETURN_SCAN_TYPES)[number];

  @ApiProperty(instantDoc('When the carrier scanned the parcel; DELIVERED starts the inspection (DSP-3)'))
  @IsInstant()
  occurredAt!: string;
}
