import { Injectable } from '@nestjs/common';
import { Tx } from '@tradehub/platform';
import { TrackingEvent } from '../domain';
import { UnmatchedScan } from './fulfillment.entities';

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

  /** Removes and returns the parked scans of a number, oldest first. */
  async take(tx: Tx, carrierCode: string, trackingNumber: string): Promise<TrackingEvent[]> {
    const parked = await tx.em.find(
      UnmatchedScan,
      { carrierCode, trackingNumber },
      { orderBy: { occurredAt: 'asc' } },
    );
    for (const scan of parked) tx.remove(scan);
    return parked.map((s) => ({
      eventId: s.eventId,
      type: s.type,
      occurredAt: s.occurredAt,
      location: s.location,
      description: s.description,
    }));
  }
}
