import { Injectable } from '@nestjs/common';
import { Tx } from '@tradehub/platform';
import { Package, TrackingEvent, TrackingEventType } from '../domain';
import { UnmatchedScan } from './fulfillment.entities';

interface ParkedRow {
  event_id: string;
  type: TrackingEventType;
  occurred_at: Date | string;
  location: string | null;
  description: string | null;
  received_at: Date | string;
}

/** Scans of a number no shipped package uses yet, kept under the number's lock (PackageRepository.lockNumber). */
@Injectable()
export class UnmatchedScanRepository {
  async park(
    tx: Tx,
    carrierCode: string,
    trackingNumber: string,
    e: TrackingEvent,
    receivedAt: Date,
  ): Promise<void> {
    if (await tx.em.findOne(UnmatchedScan, { carrierCode, trackingNumber, eventId: e.eventId })) return;
    tx.save(Object.assign(new UnmatchedScan(), { carrierCode, trackingNumber, ...e, receivedAt }));
  }

  /** Checked when the transaction commits: no scan is parked under the number (else it fails as CHANGED_CONCURRENTLY). */
  expectNoneParked(tx: Tx, carrierCode: string, trackingNumber: string): void {
    tx.expectNoRow(
      `select 1 from fulfillment.unmatched_scans where carrier_code = ? and tracking_number = ? limit 1`,
      [carrierCode, trackingNumber],
      `parked scans of ${carrierCode} ${trackingNumber}`,
    );
  }

  /**
   * The package locked for the rest of the transaction, and, while it is still PENDING, the parked
   * scans of its number removed and returned, oldest first (the audit keeps each), in one
   * statement: a confirmation asks this every time, and almost always finds none. A package
   * shipped already (or gone) takes none, so nothing depends on rolling this back. The caller
   * holds the number's lock already.
   */
  async takeWithPackage(
    tx: Tx,
    packageId: string,
    carrierCode: string,
    trackingNumber: string,
  ): Promise<{ pkg: Package | null; scans: TrackingEvent[] }> {
    const [row] = await tx.query<Record<string, unknown> & { parked: ParkedRow[] }>(
      `with p as (select * from fulfillment.packages where id = ? for update),
       taken as (
         delete from fulfillment.unmatched_scans
         where carrier_code = ? and tracking_number = ?
           and exists (select 1 from p where p.confirmation = 'PENDING')
         returning event_id, type, occurred_at, location, description, received_at)
       select p.*, (select coalesce(json_agg(t), '[]') from taken t) as parked from p`,
      [packageId, carrierCode, trackingNumber],
    );
    if (!row) return { pkg: null, scans: [] };
    const { parked, ...packageRow } = row;
    return {
      pkg: tx.track(Package, packageRow),
      scans: this.taken(tx, carrierCode, trackingNumber, parked),
    };
  }

  private taken(tx: Tx, carrierCode: string, trackingNumber: string, rows: ParkedRow[]): TrackingEvent[] {
    const scans = rows
      .map((r) =>
        Object.assign(new UnmatchedScan(), {
          carrierCode,
          trackingNumber,
          eventId: r.event_id,
          type: r.type,
          occurredAt: new Date(r.occurred_at),
          location: r.location,
          description: r.description,
          receivedAt: new Date(r.received_at),
        }),
      )
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId));
    tx.deleted(...scans);
    return scans.map(({ eventId, type, occurredAt, location, description }) => ({
      eventId,
      type,
      occurredAt,
      location,
      description,
    }));
  }
}
