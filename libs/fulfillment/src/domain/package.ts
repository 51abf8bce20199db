import { DomainEvent, newId, RuleViolation } from '@tradehub/kernel';
import {
  FulfillmentEvents,
  LogisticsStalledV1,
  LogisticsStatusChangedV1,
  NoFirstScanV1,
  PackageDeliveredV1,
  PackageRefV1,
  PackageShippedV1,
  TrackCorrectedV1,
} from './events';
import { FulfillmentPolicy } from './fulfillment-config';
import { fulfillmentEvent, PendingEvents } from './fulfillment-event';
import { IN_TRANSIT_STATUSES, LogisticsStatus } from './logistics-status';
import { firstScanDeadline, stallDeadline } from './package-deadlines';
import { PackageLine, validatePackageLines } from './package-lines';
import { riskFlagRaised, RiskFlagInput } from './risk';
import { parseTrackingEvent, TrackingEventInput } from './tracking-event';
import { TrackingNumber } from './tracking-number';
import { progressTracking, TrackingUpdate } from './tracking-progress';

export interface ShipPackageInput {
  orderId: string;
  storeId: string;
  buyerId: string;
  /** FUL-1, FUL-2: already checked against an approved carrier. */
  trackingNumber: TrackingNumber;
  /** FUL-2: the lines Orders recorded as shipped in the same transaction (RecordShipmentCommand). */
  lines: PackageLine[];
}

export interface PackageState {
  id: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  carrierCode: string;
  trackingNumber: string;
  lines: PackageLine[];
  status: LogisticsStatus;
  shippedAt: Date;
  /** 揽收: the PICKUP scan, else the first scan of any kind, else the accepted proof (FUL-5). */
  pickedUpAt: Date | null;
  /** FUL-3: the earliest tracking update after pickup. */
  firstScanAt: Date | null;
  /** Carrier time of the newest scan. */
  lastScanAt: Date | null;
  deliveredAt: Date | null;
  /** FUL-3: flagged once, kept as history. */
  noFirstScan: boolean;
  /** FUL-4: in the abnormal-logistics pool since; only the operator's decision clears it. */
  stalledSince: Date | null;
  /** FUL-5: when an accepted proof corrected the track. */
  trackCorrectedAt: Date | null;
  updatedAt: Date;
  version: number;
}

const latestOf = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);

/** The package (parcel) aggregate: one tracking number carrying some lines of one order. */
export class Package {
  private readonly pending = new PendingEvents();

  private constructor(private state: PackageState) {}

  static restore(state: PackageState): Package {
    return new Package(state);
  }

  /** FUL-1, FUL-2: shipment confirmed with a tracking number of an approved carrier. */
  static ship(input: ShipPackageInput, now: Date): Package {
    const lines = validatePackageLines(input.lines);
    const pkg = new Package({
      id: newId(),
      orderId: input.orderId,
      storeId: input.storeId,
      buyerId: input.buyerId,
      carrierCode: input.trackingNumber.carrierCode,
      trackingNumber: input.trackingNumber.value,
      lines,
      status: 'SHIPPED',
      shippedAt: now,
      pickedUpAt: null,
      firstScanAt: null,
      lastScanAt: null,
      deliveredAt: null,
      noFirstScan: false,
      stalledSince: null,
      trackCorrectedAt: null,
      updatedAt: now,
      version: 0,
    });
    pkg.raise<PackageShippedV1>(FulfillmentEvents.PackageShipped, now, {
      ...pkg.ref(),
      carrierCode: pkg.state.carrierCode,
      trackingNumber: pkg.state.trackingNumber,
      lines: lines.map((l) => ({ ...l })),
      shippedAt: now.toISOString(),
    });
    return pkg;
  }

  get id(): string {
    return this.state.id;
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get snapshot(): Readonly<PackageState> {
    return this.state;
  }

  get inTransit(): boolean {
    return IN_TRANSIT_STATUSES.includes(this.state.status);
  }

  /** FUL-4: the newest sign of life the stall gap is measured from: scan, pickup or correction. */
  get lastActivityAt(): Date | null {
    return latestOf([this.state.lastScanAt, this.state.pickedUpAt, this.state.trackCorrectedAt]);
  }

  /**
   * FUL-3, FUL-4, FUL-7: folds in one carrier scan, in whatever order scans arrive. The status only
   * moves forward and DELIVERED is final. Duplicate event ids are the inbox's to drop.
   */
  applyTrackingEvent(input: TrackingEventInput, now: Date): TrackingUpdate {
    const event = parseTrackingEvent(input);
    const { next, update } = progressTracking(this.state, event, now);
    this.state = { ...this.state, ...next, updatedAt: now };
    if (update.statusChanged) this.raiseStatusChanged(update.from, now, update.at, event.eventId);
    if (update.deliveredNow) {
      this.raise<PackageDeliveredV1>(FulfillmentEvents.PackageDelivered, now, {
        ...this.ref(),
        deliveredAt: next.deliveredAt!.toISOString(),
      });
    }
    return update;
  }

  /** FUL-3: when to check for the first scan; null once it came, was flagged, or pickup is unknown. */
  firstScanCheckAt(policy: Pick<FulfillmentPolicy, 'firstScanHours'>): Date | null {
    const { pickedUpAt, firstScanAt, noFirstScan } = this.state;
    if (pickedUpAt === null || firstScanAt !== null || noFirstScan) return null;
    return firstScanDeadline(pickedUpAt, policy);
  }

  /** FUL-3: picked up, and no tracking update by pickup + firstScanHours. */
  noFirstScanDue(now: Date, policy: Pick<FulfillmentPolicy, 'firstScanHours'>): boolean {
    const deadline = this.firstScanCheckAt(policy);
    return deadline !== null && now >= deadline;
  }

  /** FUL-3: flags the package *no first scan* (once). Returns whether it did. */
  markNoFirstScan(now: Date, policy: Pick<FulfillmentPolicy, 'firstScanHours'>): boolean {
    const deadline = this.firstScanCheckAt(policy);
    if (deadline === null || now < deadline) return false;
    this.state = { ...this.state, noFirstScan: true, updatedAt: now };
    const pickedUpAt = this.state.pickedUpAt!.toISOString();
    this.raise<NoFirstScanV1>(FulfillmentEvents.NoFirstScan, now, {
      ...this.ref(),
      pickedUpAt,
      deadline: deadline.toISOString(),
    });
    this.raiseRisk(now, 'NO_FIRST_SCAN', `no tracking update since pickup at ${pickedUpAt}`);
    return true;
  }

  /** FUL-4: when the stall check is due; null unless in transit and not already in the pool. */
  stallCheckAt(policy: Pick<FulfillmentPolicy, 'stallHours'>): Date | null {
    const lastActivity = this.lastActivityAt;
    if (!this.inTransit || this.state.stalledSince !== null || lastActivity === null) return null;
    return stallDeadline(lastActivity, policy);
  }

  /**
   * FUL-4: in transit with no tracking event for stallHours, the package enters the abnormal-
   * logistics pool (异常物流监控池). The deadline is computed from the current state, so a scan that
   * came after the timer was set makes this a no-op. Returns whether it did; the caller then opens
   * an ABNORMAL_LOGISTICS review task.
   */
  markStalled(now: Date, policy: Pick<FulfillmentPolicy, 'stallHours'>): boolean {
    const deadline = this.stallCheckAt(policy);
    if (deadline === null || now < deadline) return false;
    const lastActivityAt = this.lastActivityAt!.toISOString();
    this.state = { ...this.state, stalledSince: now, updatedAt: now };
    this.raise<LogisticsStalledV1>(FulfillmentEvents.LogisticsStalled, now, {
      ...this.ref(),
      lastActivityAt,
      stalledSince: now.toISOString(),
    });
    this.raiseRisk(now, 'LOGISTICS_STALLED', `no tracking event since ${lastActivityAt}`);
    return true;
  }

  /** FUL-4: the operator closed the abnormal-logistics task; the package is watched again. */
  leaveAbnormalPool(now: Date): void {
    if (this.state.stalledSince === null) return;
    this.state = { ...this.state, stalledSince: null, updatedAt: now };
  }

  /**
   * FUL-5: a reviewer accepted the seller's pickup proof: the track is corrected and the package
   * counts as picked up (at acceptance time when no scan said when).
   */
  correctTracking(now: Date): void {
    if (this.state.status === 'DELIVERED') {
      throw new RuleViolation('PACKAGE_ALREADY_DELIVERED', 'a delivered package needs no track correction');
    }
    const from = this.state.status;
    const status: LogisticsStatus = from === 'SHIPPED' ? 'PICKED_UP' : from;
    const pickedUpAt = this.state.pickedUpAt ?? now;
    this.state = { ...this.state, status, pickedUpAt, trackCorrectedAt: now, updatedAt: now };
    if (status !== from) this.raiseStatusChanged(from, now, now, null);
    this.raise<TrackCorrectedV1>(FulfillmentEvents.TrackCorrected, now, {
      ...this.ref(),
      status,
      correctedAt: now.toISOString(),
    });
  }

  /** The repository saved this state: the next save checks against the new version (optimistic locking). */
  markSaved(): void {
    this.state = { ...this.state, version: this.state.version + 1 };
  }

  /** Hands over the events raised since the last call; the repository writes them to the outbox. */
  pullEvents(): DomainEvent<object>[] {
    return this.pending.pull();
  }

  private ref(): PackageRefV1 {
    return { orderId: this.state.orderId, packageId: this.state.id, storeId: this.state.storeId };
  }

  private raise<P extends object>(type: string, now: Date, payload: P): void {
    this.pending.push(fulfillmentEvent(type, 'package', this.state.orderId, now, payload));
  }

  private raiseStatusChanged(
    from: LogisticsStatus,
    now: Date,
    at: Date,
    trackingEventId: string | null,
  ): void {
    this.raise<LogisticsStatusChangedV1>(FulfillmentEvents.LogisticsStatusChanged, now, {
      ...this.ref(),
      from,
      to: this.state.status,
      at: at.toISOString(),
      trackingEventId,
    });
  }

  private raiseRisk(now: Date, code: RiskFlagInput['code'], reason: string): void {
    const { storeId, orderId } = this.state;
    this.pending.push(riskFlagRaised({ code, storeId, orderId, reason }, now));
  }
}
