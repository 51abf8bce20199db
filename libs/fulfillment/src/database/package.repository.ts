import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/postgresql';
import { DEFERRED, Tx } from '@tradehub/platform';
import { Package, TrackingNumberReused } from '../domain';

const EXCLUSION_VIOLATION = '23P01';
const LOCK = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

/** Loads packages for a transaction; saving is the unit of work's. */
@Injectable()
export class PackageRepository {
  findById(tx: Tx, id: string, forUpdate = false): Promise<Package | null> {
    return tx.findById(Package, id, forUpdate);
  }

  /**
   * The order's shipped packages (a pending one is not shipped yet), as this transaction sees them:
   * the save path writes rows at commit, so one it ships is still PENDING in the table.
   */
  async findShippedByOrder(tx: Tx, orderId: string): Promise<Package[]> {
    const stored = await tx.em.find(Package, { orderId, confirmation: 'CONFIRMED' });
    const shippingNow = [...tx.em.getUnitOfWork().getIdentityMap().values()].filter(
      (e): e is Package => e instanceof Package && e.orderId === orderId && !e.pending && !stored.includes(e),
    );
    return [...stored, ...shippingNow].sort(
      (a, b) => a.shippedAt.getTime() - b.shippedAt.getTime() || a.id.localeCompare(b.id),
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
   * Takes the number's lock for the rest of the transaction: a confirmation shipping its package and
   * the carrier scans of its number go one after the other, so a scan parked meanwhile is not missed.
   */
  async lockNumber(tx: Tx, trackingNumber: string): Promise<void> {
    // Nobody reads the result: the lock rides with the transaction's next statement, which runs
    // (on a snapshot of its own) only once the lock is held.
    await tx.query(`${DEFERRED}select pg_advisory_xact_lock(hashtext(?))`, [
      `tracking-number:${trackingNumber}`,
    ]);
  }

  /**
   * FUL-2 refused by the table: a number another buyer's package uses (packages_number_one_buyer)
   * becomes TrackingNumberReused; anything else is returned as it came.
   */
  refusalOf(error: unknown, field: string): unknown {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    return code === EXCLUSION_VIOLATION && constraint === 'packages_number_one_buyer'
      ? new TrackingNumberReused(field)
      : error;
  }
}
