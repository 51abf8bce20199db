import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/postgresql';
import { Tx } from '@tradehub/platform';
import { Package, type TrackingNumberUse } from '../domain';

const LOCK = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

/** Loads packages for a transaction; saving is the unit of work's. */
@Injectable()
export class PackageRepository {
  findById(tx: Tx, id: string, forUpdate = false): Promise<Package | null> {
    return tx.em.findOne(Package, { id }, forUpdate ? LOCK : {});
  }

  /** The order's shipped packages (a pending one is not shipped yet). */
  findShippedByOrder(tx: Tx, orderId: string): Promise<Package[]> {
    return tx.em.find(
      Package,
      { orderId, confirmation: 'CONFIRMED' },
      { orderBy: { shippedAt: 'asc', id: 'asc' } },
    );
  }

  /** The carrier's feed names a number, not a package: every shipped package under it (one buyer's combined parcels). */
  findShippedByTracking(tx: Tx, carrierCode: string, trackingNumber: string): Promise<Package[]> {
    return tx.em.find(
      Package,
      { trackingNumber, carrierCode, confirmation: 'CONFIRMED' },
      { orderBy: { id: 'asc' }, ...LOCK },
    );
  }

  /** The package of this order under this carrier and number, pending or shipped: a retried confirmation finds it. */
  findUnderNumber(
    tx: Tx,
    orderId: string,
    carrierCode: string,
    trackingNumber: string,
  ): Promise<Package | null> {
    return tx.em.findOne(Package, { orderId, carrierCode, trackingNumber });
  }

  /**
   * Takes the number's lock for the rest of the transaction: two orders claiming one number, a
   * confirmation and the scans of its number, go one after the other.
   */
  async lockNumber(tx: Tx, trackingNumber: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`tracking-number:${trackingNumber}`]);
  }

  /** FUL-2: under the number's lock, who already uses it, with any carrier. */
  async usesOf(tx: Tx, trackingNumber: string): Promise<TrackingNumberUse[]> {
    await this.lockNumber(tx, trackingNumber);
    const rows = await tx.query<{ order_id: string; buyer_id: string; carrier_code: string }>(
      `select order_id, buyer_id, carrier_code from fulfillment.packages where tracking_number = ?`,
      [trackingNumber],
    );
    return rows.map((r) => ({ orderId: r.order_id, buyerId: r.buyer_id, carrierCode: r.carrier_code }));
  }
}
