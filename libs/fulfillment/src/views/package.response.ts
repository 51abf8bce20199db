import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOGISTICS_STATUSES, type LogisticsStatus, Package } from '../domain';
import { TrackingEventRecord } from '../database/fulfillment.entities';

export class PackageLineResponse {
  @ApiProperty() lineId!: string;
  @ApiProperty() quantity!: number;
}

export class TrackingEventResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: ['PICKUP', 'IN_TRANSIT', 'EXCEPTION', 'DELIVERED'] }) type!: string;
  @ApiProperty({ description: "Carrier's time of the scan" }) occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) location!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
}

export class PackageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() carrierCode!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty({ type: [PackageLineResponse] }) lines!: PackageLineResponse[];
  @ApiProperty({ enum: LOGISTICS_STATUSES, description: 'Logistics status of this package' })
  status!: LogisticsStatus;
  @ApiProperty() shippedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Carrier pickup (揽收)' }) pickedUpAt!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastScanAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Delivery (签收)' }) deliveredAt!:
    string | null;
  @ApiProperty({ description: 'FUL-3: no tracking update within 24 h of pickup' }) noFirstScan!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'FUL-4: in the abnormal-logistics pool since',
  })
  stalledSince!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'FUL-5: track corrected by an accepted proof',
  })
  trackCorrectedAt!: string | null;
  @ApiPropertyOptional({
    type: [TrackingEventResponse],
    description: 'Tracking history (single-package reads only)',
  })
  trackingEvents?: TrackingEventResponse[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toPackageResponse(pkg: Package, history?: TrackingEventRecord[]): PackageResponse {
  const s = pkg.snapshot;
  return {
    id: s.id,
    orderId: s.orderId,
    storeId: s.storeId,
    carrierCode: s.carrierCode,
    trackingNumber: s.trackingNumber,
    lines: s.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
    status: s.status,
    shippedAt: s.shippedAt.toISOString(),
    pickedUpAt: iso(s.pickedUpAt),
    lastScanAt: iso(s.lastScanAt),
    deliveredAt: iso(s.deliveredAt),
    noFirstScan: s.noFirstScan,
    stalledSince: iso(s.stalledSince),
    trackCorrectedAt: iso(s.trackCorrectedAt),
    ...(history
      ? {
          trackingEvents: history.map((e) => ({
            eventId: e.eventId,
            type: e.type,
            occurredAt: e.occurredAt.toISOString(),
            location: e.location,
            description: e.description,
          })),
        }
      : {}),
  };
}
