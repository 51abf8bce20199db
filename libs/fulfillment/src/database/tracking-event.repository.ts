import { Injectable } from '@nestjs/common';
import { Tx } from '@tradehub/platform';
import { TrackingEvent } from '../domain';
import { TrackingEventRecord } from './fulfillment.entities';

/** The carrier's scans as received, per package. */
@Injectable()
export class TrackingEventRepository {
  /** Records a scan for a locked package; false when the package already had it (a redelivery). */
  async record(tx: Tx, packageId: string, e: TrackingEvent, receivedAt: Date): Promise<boolean> {
    if (await tx.em.findOne(TrackingEventRecord, { packageId, eventId: e.eventId })) return false;
    tx.save(Object.assign(new TrackingEventRecord(), { packageId, ...e, receivedAt }));
    return true;
  }

  history(tx: Tx, packageId: string): Promise<TrackingEventRecord[]> {
    return tx.em.find(TrackingEventRecord, { packageId }, { orderBy: { occurredAt: 'asc', eventId: 'asc' } });
  }
}
