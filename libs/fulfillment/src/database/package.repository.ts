import { Injectable } from '@nestjs/common';
import { ConflictError } from '@tradehub/kernel';
import { Outbox, Sql } from '@tradehub/platform';
import { LogisticsStatus, Package, PackageLine, PackageState } from '../domain';

interface PackageRow {
  id: string;
  order_id: string;
  store_id: string;
  buyer_id: string;
  carrier_code: string;
  tracking_number: string;
  lines: PackageLine[];
  status: LogisticsStatus;
  shipped_at: Date;
  picked_up_at: Date | null;
  first_scan_at: Date | null;
  last_scan_at: Date | null;
  delivered_at: Date | null;
  no_first_scan: boolean;
  stalled_since: Date | null;
  track_corrected_at: Date | null;
  updated_at: Date;
  version: number;
}

const COLUMNS = `id, order_id, store_id, buyer_id, carrier_code, tracking_number, lines, status, shipped_at, picked_up_at,
  first_scan_at, last_scan_at, delivered_at, no_first_scan, stalled_since, track_corrected_at, updated_at, version`;

/** The only SQL on `fulfillment.packages`; saving a package writes its events to the outbox. */
@Injectable()
export class PackageRepository {
  constructor(private readonly outbox: Outbox) {}

  async findById(sql: Sql, id: string, forUpdate = false): Promise<Package | null> {
    const rows = await sql.query<PackageRow>(
      `select ${COLUMNS} from fulfillment.packages where id = ?${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0] ? Package.restore(toState(rows[0])) : null;
  }

  async findByOrder(sql: Sql, orderId: string): Promise<Package[]> {
    const rows = await sql.query<PackageRow>(
      `select ${COLUMNS} from fulfillment.packages where order_id = ? order by shipped_at, id`,
      [orderId],
    );
    return rows.map((r) => Package.restore(toState(r)));
  }

  /** The carrier's feed names a number, not a package: every package under it (one buyer's combined parcels). */
  async findByTracking(sql: Sql, carrierCode: string, trackingNumber: string): Promise<Package[]> {
    const rows = await sql.query<PackageRow>(
      `select ${COLUMNS} from fulfillment.packages where tracking_number = ? and carrier_code = ? order by id for update`,
      [trackingNumber, carrierCode],
    );
    return rows.map((r) => Package.restore(toState(r)));
  }

  /** The package of this order already under this number, if a confirmation is retried. */
  async findShipped(
    sql: Sql,
    orderId: string,
    carrierCode: string,
    trackingNumber: string,
  ): Promise<Package | null> {
    const rows = await sql.query<PackageRow>(
      `select ${COLUMNS} from fulfillment.packages where order_id = ? and carrier_code = ? and tracking_number = ?`,
      [orderId, carrierCode, trackingNumber],
    );
    return rows[0] ? Package.restore(toState(rows[0])) : null;
  }

  /** FUL-2: who already uses this number (any carrier); the domain decides whether that is a reuse. */
  async usesOf(sql: Sql, trackingNumber: string): Promise<{ orderId: string; buyerId: string }[]> {
    // Held to commit: two orders claiming the same number at once are checked one after the other.
    await sql.query(`select pg_advisory_xact_lock(hashtext(?))`, [`tracking-number:${trackingNumber}`]);
    const rows = await sql.query<{ order_id: string; buyer_id: string }>(
      `select order_id, buyer_id from fulfillment.packages where tracking_number = ?`,
      [trackingNumber],
    );
    return rows.map((r) => ({ orderId: r.order_id, buyerId: r.buyer_id }));
  }

  /** False when the order already has a package under this carrier and number (a concurrent duplicate). */
  async insert(sql: Sql, pkg: Package): Promise<boolean> {
    const s = pkg.snapshot;
    const inserted = await sql.query(
      `insert into fulfillment.packages (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (order_id, carrier_code, tracking_number) do nothing returning id`,
      [
        s.id,
        s.orderId,
        s.storeId,
        s.buyerId,
        s.carrierCode,
        s.trackingNumber,
        JSON.stringify(s.lines),
        s.status,
        s.shippedAt,
        s.pickedUpAt,
        s.firstScanAt,
        s.lastScanAt,
        s.deliveredAt,
        s.noFirstScan,
        s.stalledSince,
        s.trackCorrectedAt,
        s.updatedAt,
        s.version,
      ],
    );
    if (inserted.length === 0) return false;
    await this.outbox.append(sql, pkg.pullEvents());
    return true;
  }

  async update(sql: Sql, pkg: Package): Promise<void> {
    const s = pkg.snapshot;
    const updated = await sql.query(
      `update fulfillment.packages set status = ?, picked_up_at = ?, first_scan_at = ?, last_scan_at = ?, delivered_at = ?,
         no_first_scan = ?, stalled_since = ?, track_corrected_at = ?, updated_at = ?, version = version + 1
       where id = ? and version = ? returning id`,
      [
        s.status,
        s.pickedUpAt,
        s.firstScanAt,
        s.lastScanAt,
        s.deliveredAt,
        s.noFirstScan,
        s.stalledSince,
        s.trackCorrectedAt,
        s.updatedAt,
        s.id,
        s.version,
      ],
    );
    if (updated.length === 0)
      throw new ConflictError('PACKAGE_CHANGED_CONCURRENTLY', 'the package changed meanwhile; retry');
    pkg.markSaved();
    await this.outbox.append(sql, pkg.pullEvents());
  }
}

function toState(r: PackageRow): PackageState {
  const date = (d: Date | null): Date | null => (d ? new Date(d) : null);
  return {
    id: r.id,
    orderId: r.order_id,
    storeId: r.store_id,
    buyerId: r.buyer_id,
    carrierCode: r.carrier_code,
    trackingNumber: r.tracking_number,
    lines: r.lines,
    status: r.status,
    shippedAt: new Date(r.shipped_at),
    pickedUpAt: date(r.picked_up_at),
    firstScanAt: date(r.first_scan_at),
    lastScanAt: date(r.last_scan_at),
    deliveredAt: date(r.delivered_at),
    noFirstScan: r.no_first_scan,
    stalledSince: date(r.stalled_since),
    trackCorrectedAt: date(r.track_corrected_at),
    updatedAt: new Date(r.updated_at),
    version: r.version,
  };
}
