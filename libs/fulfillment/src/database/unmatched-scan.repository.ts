import { Injectable } from '@nestjs/common';
import { Sql } from '@tradehub/platform';
import { TrackingEvent, TrackingEventType } from '../domain';

/** Scans of a number no package uses yet: the carrier may scan before the ERP confirms shipment. */
@Injectable()
export class UnmatchedScanRepository {
  async park(
    sql: Sql,
    carrierCode: string,
    trackingNumber: string,
    e: TrackingEvent,
    receivedAt: Date,
  ): Promise<void> {
    await sql.query(
      `insert into fulfillment.unmatched_scans (carrier_code, tracking_number, event_id, type, occurred_at, location, description, received_at)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [carrierCode, trackingNumber, e.eventId, e.type, e.occurredAt, e.location, e.description, receivedAt],
    );
  }

  /** Removes and returns the parked scans of a number, oldest first. */
  async take(sql: Sql, carrierCode: string, trackingNumber: string): Promise<TrackingEvent[]> {
    const rows = await sql.query<{
      event_id: string;
      type: TrackingEventType;
      occurred_at: Date;
      location: string | null;
      description: string | null;
    }>(
      `delete from fulfillment.unmatched_scans where carrier_code = ? and tracking_number = ?
       returning event_id, type, occurred_at, location, description`,
      [carrierCode, trackingNumber],
    );
    return rows
      .map((r) => ({
        eventId: r.event_id,
        type: r.type,
        occurredAt: new Date(r.occurred_at),
        location: r.location,
        description: r.description,
      }))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }
}
