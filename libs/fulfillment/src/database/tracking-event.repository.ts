import { Injectable } from '@nestjs/common';
import { Sql } from '@tradehub/platform';

export interface StoredTrackingEvent {
  eventId: string;
  type: string;
  occurredAt: Date;
  location: string | null;
  description: string | null;
}

/** The carrier's scans as received, per package; a redelivered scan (same event id) is recorded once. */
@Injectable()
export class TrackingEventRepository {
  /** False when this scan was already recorded for the package. */
  async record(sql: Sql, packageId: string, e: StoredTrackingEvent, receivedAt: Date): Promise<boolean> {
    const rows = await sql.query(
      `insert into fulfillment.tracking_events (event_id, package_id, type, occurred_at, received_at, location, description)
       values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning event_id`,
      [e.eventId, packageId, e.type, e.occurredAt, receivedAt, e.location, e.description],
    );
    return rows.length > 0;
  }

  async history(sql: Sql, packageId: string): Promise<StoredTrackingEvent[]> {
    const rows = await sql.query<{
      event_id: string;
      type: string;
      occurred_at: Date;
      location: string | null;
      description: string | null;
    }>(
      `select event_id, type, occurred_at, location, description from fulfillment.tracking_events where package_id = ? order by occurred_at, event_id`,
      [packageId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      type: r.type,
      occurredAt: new Date(r.occurred_at),
      location: r.location,
      description: r.description,
    }));
  }
}
