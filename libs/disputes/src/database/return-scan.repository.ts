import { Injectable } from '@nestjs/common';
import type { Sql, Tx } from '@tradehub/platform';

/** DSP-3: DELIVERED scans of return parcels no request shipped yet; the first one per parcel is kept. */
@Injectable()
export class ReturnScanRepository {
  async park(
    tx: Tx,
    carrierCode: string,
    trackingNumber: string,
    eventId: string,
    occurredAt: Date,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.query(
      `insert into disputes.return_scans (carrier_code, tracking_number, event_id, occurred_at, received_at)
       values (?, ?, ?, ?, ?) on conflict do nothing returning event_id`,
      [carrierCode, trackingNumber, eventId, occurredAt, now],
    );
    return rows.length > 0;
  }

  async deliveredAt(sql: Sql, carrierCode: string, trackingNumber: string): Promise<Date | null> {
    const [row] = await sql.query<{ occurred_at: Date | string }>(
      `select occurred_at from disputes.return_scans where carrier_code = ? and tracking_number = ?`,
      [carrierCode, trackingNumber],
    );
    return row ? new Date(row.occurred_at) : null;
  }
}
