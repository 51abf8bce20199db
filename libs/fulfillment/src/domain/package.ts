import { addMs, AggregateRoot, Deadline, newId } from '@tradehub/kernel';
import {
  FulfillmentEvents,
  LogisticsStalledV1,
  LogisticsStatusChangedV1,
  NoFirstScanV1,
  PackageDeliveredV1,
  PackageRefV1,
  PackageShippedV1,
  TrackCorrectedV1,
} from '../contract';
import { FulfillmentPolicy } from './fulfillment-config';
import { fulfillmentEvent } from './fulfillment-event';
import { PackageAlreadyDelivered } from './fulfillment.errors';
import { IN_TRANSIT_STATUSES, LogisticsStatus } from './logistics-status';
import { firstScanDeadline, stallDeadline } from './package-deadlines';
import { PackageLine, validatePackageLines } from './package-lines';
import { FIRST_SCAN_TIMER, SHIPMENT_CONFIRMATION_TIMER, STALL_TIMER } from './package-timers';
import { riskFlagRaised, RiskFlagInput } from './risk';
import { parseTrackingEvent, TrackingEventInput } from './tracking-event';
import { TrackingNumber } from './tracking-number';
import { progressTracking, TrackingUpdate } from './tracking-progress';

/**
 * A package waits for the order to record its lines (PENDING), then is shipped for good
 * (CONFIRMED); when the order refuses them, the pending package is removed.
 */
export type PackageConfirmation = 'PENDING' | 'CONFIRMED';

export interface RequestShipmentInput {
  orderId: string;
  storeId: string;
  buyerId: string;
  /** FUL-1, FUL-2: already checked against an approved carrier. */
  trackingNumber: TrackingNumber;
  /** The lines the seller named; null ships every line still unshipped. */
  lines: PackageLine[] | null;
}

export interface PackageState {
  id: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  carrierCode: string;
  trackingNumber: string;
  confirmation: PackageConfirmation;
  /** What the seller asked to ship (null: every line left); `lines` is what the order recorded. */
  requestedLines: PackageLine[] | null;
  lines: PackageLine[];
  /** FUL-2: with this package the order recorded every line shipped (FUL-7 needs one such). */
  completesOrder: boolean;
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
  /** FUL-4: when an operator last closed the package's abnormal-logistics case; the stall clock restarts there. */
  poolLeftAt: Date | null;
  /** FUL-6: a reviewer confirmed the shipment fake; the package is no longer watched for stalls. */
  fakeShipmentAt: Date | null;
  /** The deadlines this state declares (durable timers), stored with the record. */
  confirmDueAt: Date | null;
  firstScanDueAt: Date | null;
  stallDueAt: Date | null;
  updatedAt: Date;
  version: number;
}

const latestOf = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);

/** The package (parcel) aggregate: one tracking number carrying some lines of one order. */
export class Package extends AggregateRoot implements PackageState {
  id!: string;
  orderId!: string;
  storeId!: string;
  buyerId!: string;
  carrierCode!: string;
  trackingNumber!: string;
  confirmation!: PackageConfirmation;
  requestedLines!: PackageLine[] | null;
  lines!: PackageLine[];
  completesOrder!: boolean;
  status!: LogisticsStatus;
  shippedAt!: Date;
  pickedUpAt!: Date | null;
  firstScanAt!: Date | null;
  lastScanAt!: Date | null;
  deliveredAt!: Date | null;
  noFirstScan!: boolean;
  stalledSince!: Date | null;
  trackCorrectedAt!: Date | null;
  poolLeftAt!: Date | null;
  fakeShipmentAt!: Date | null;
  confirmDueAt!: Date | null;
  firstScanDueAt!: Date | null;
  stallDueAt!: Date | null;
  updatedAt!: Date;
  version!: number;

  /** Restores stored fields; a new package comes from `Package.request`. */
  constructor(state: PackageState) {
    super();
    Object.assign(this, state);
  }

  /**
   * FUL-1, FUL-2: a seller confirmed shipment under a valid, unreused number. The package waits
   * (PENDING) until the order records its lines; if that never finishes, a timer finishes it.
   */
  static request(
    input: RequestShipmentInput,
    now: Date,
    policy: Pick<FulfillmentPolicy, 'confirmRecoverySeconds'>,
  ): Package {
    const pkg = new Package({
      id: newId(),
      orderId: input.orderId,
      storeId: input.storeId,
      buyerId: input.buyerId,
      carrierCode: input.trackingNumber.carrierCode,
      trackingNumber: input.trackingNumber.value,
      confirmation: 'PENDING',
      requestedLines: input.lines ? validatePackageLines(input.lines) : null,
      lines: [],
      completesOrder: false,
      status: 'SHIPPED',
      shippedAt: now,
      pickedUpAt: null,
      firstScanAt: null,
      lastScanAt: null,
      deliveredAt: null,
      noFirstScan: false,
      stalledSince: null,
      trackCorrectedAt: null,
      poolLeftAt: null,
      fakeShipmentAt: null,
      confirmDueAt: addMs(now, policy.confirmRecoverySeconds * 1000),
      firstScanDueAt: null,
      stallDueAt: null,
      updatedAt: now,
      version: 1,
    });
    pkg.changed('package.shipment-requested');
    return pkg;
  }

  get aggregateType(): string {
    return 'package';
  }

  get snapshot(): Readonly<PackageState> {
    return this;
  }

  get pending(): boolean {
    return this.confirmation === 'PENDING';
  }

  get inTransit(): boolean {
    return IN_TRANSIT_STATUSES.includes(this.status);
  }

  /** FUL-4: the newest sign of life the stall gap is measured from: scan, pickup, correction or the operator's decision. */
  get lastActivityAt(): Date | null {
    return latestOf([this.lastScanAt, this.pickedUpAt, this.trackCorrectedAt, this.poolLeftAt]);
  }

  override deadlines(): Deadline[] {
    return [
      { kind: SHIPMENT_CONFIRMATION_TIMER, dueAt: this.confirmDueAt },
      { kind: FIRST_SCAN_TIMER, dueAt: this.firstScanDueAt },
      { kind: STALL_TIMER, dueAt: this.stallDueAt },
    ];
  }

  /** FUL-2: the order recorded these lines; the package is shipped for good. False when it already was. */
  confirm(lines: readonly PackageLine[], completesOrder: boolean, now: Date): boolean {
    if (!this.pending) return false;
    this.lines = validatePackageLines(lines);
    this.completesOrder = completesOrder;
    this.confirmation = 'CONFIRMED';
    this.shippedAt = now;
    this.confirmDueAt = null;
    this.updatedAt = now;
    this.changed('package.shipped');
    this.emit<PackageShippedV1>(FulfillmentEvents.PackageShipped, now, {
      ...this.ref(),
      carrierCode: this.carrierCode,
      trackingNumber: this.trackingNumber,
      lines: this.lines.map((l) => ({ ...l })),
      shippedAt: now.toISOString(),
    });
    return true;
  }

  /**
   * FUL-3, FUL-4, FUL-7: folds in one carrier scan, in whatever order scans arrive. The status only
   * moves forward and DELIVERED is final. Duplicate event ids are the caller's to drop.
   */
  applyTrackingEvent(input: TrackingEventInput, now: Date, policy: FulfillmentPolicy): TrackingUpdate {
    const event = parseTrackingEvent(input);
    const { next, update } = progressTracking(this, event, now);
    Object.assign(this, next, { updatedAt: now });
    this.changed('package.tracking-updated');
    if (update.statusChanged) this.raiseStatusChanged(update.from, now, update.at, event.eventId);
    if (update.deliveredNow) {
      this.emit<PackageDeliveredV1>(FulfillmentEvents.PackageDelivered, now, {
        ...this.ref(),
        deliveredAt: next.deliveredAt!.toISOString(),
      });
    }
    this.refreshDeadlines(policy);
    return update;
  }

  /** FUL-3: when to check for the first scan; null once it came, was flagged, or pickup is unknown. */
  firstScanCheckAt(policy: Pick<FulfillmentPolicy, 'firstScanHours'>): Date | null {
    if (this.pickedUpAt === null || this.firstScanAt !== null || this.noFirstScan) return null;
    return firstScanDeadline(this.pickedUpAt, policy);
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
    this.noFirstScan = true;
    this.firstScanDueAt = null;
    this.updatedAt = now;
    this.changed('package.no-first-scan');
    const pickedUpAt = this.pickedUpAt!.toISOString();
    this.emit<NoFirstScanV1>(FulfillmentEvents.NoFirstScan, now, {
      ...this.ref(),
      pickedUpAt,
      deadline: deadline.toISOString(),
    });
    this.raiseRisk(now, 'NO_FIRST_SCAN', `no tracking update since pickup at ${pickedUpAt}`);
    return true;
  }

  /** FUL-4: when the stall check is due; null unless in transit, watched and not already in the pool. */
  stallCheckAt(policy: Pick<FulfillmentPolicy, 'stallHours'>): Date | null {
    const lastActivity = this.lastActivityAt;
    if (
      !this.inTransit ||
      this.stalledSince !== null ||
      this.fakeShipmentAt !== null ||
      lastActivity === null
    )
      return null;
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
    this.stalledSince = now;
    this.stallDueAt = null;
    this.updatedAt = now;
    this.changed('package.stalled');
    this.emit<LogisticsStalledV1>(FulfillmentEvents.LogisticsStalled, now, {
      ...this.ref(),
      lastActivityAt,
      stalledSince: now.toISOString(),
    });
    this.raiseRisk(now, 'LOGISTICS_STALLED', `no tracking event since ${lastActivityAt}`);
    return true;
  }

  /**
   * FUL-4: the operator closed the abnormal-logistics case; the package is watched again, its
   * stall clock restarting at the decision (a silence already counted never re-stalls it at once).
   */
  leaveAbnormalPool(now: Date, policy: Pick<FulfillmentPolicy, 'stallHours'>): void {
    if (this.stalledSince === null) return;
    this.stalledSince = null;
    this.poolLeftAt = now;
    this.updatedAt = now;
    this.changed('package.left-abnormal-pool');
    this.stallDueAt = this.stallCheckAt(policy);
  }

  /** FUL-6: a confirmed fake shipment leaves the pool and is no longer watched for stalls. */
  markFakeShipment(now: Date): void {
    if (this.fakeShipmentAt !== null) return;
    this.fakeShipmentAt = now;
    this.stalledSince = null;
    this.stallDueAt = null;
    this.updatedAt = now;
    this.changed('package.fake-shipment-confirmed');
  }

  /**
   * FUL-5: a reviewer accepted the seller's pickup proof: the track is corrected and the package
   * counts as picked up (at acceptance time when no scan said when).
   */
  correctTracking(now: Date, policy: FulfillmentPolicy): void {
    if (this.status === 'DELIVERED') throw new PackageAlreadyDelivered();
    const from = this.status;
    this.status = from === 'SHIPPED' ? 'PICKED_UP' : from;
    this.pickedUpAt = this.pickedUpAt ?? now;
    this.trackCorrectedAt = now;
    this.updatedAt = now;
    this.changed('package.track-corrected');
    if (this.status !== from) this.raiseStatusChanged(from, now, now, null);
    this.emit<TrackCorrectedV1>(FulfillmentEvents.TrackCorrected, now, {
      ...this.ref(),
      status: this.status,
      correctedAt: now.toISOString(),
    });
    this.refreshDeadlines(policy);
  }

  private refreshDeadlines(policy: FulfillmentPolicy): void {
    this.firstScanDueAt = this.firstScanCheckAt(policy);
    this.stallDueAt = this.stallCheckAt(policy);
  }

  private ref(): PackageRefV1 {
    return { orderId: this.orderId, packageId: this.id, storeId: this.storeId };
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise(fulfillmentEvent(type, 'package', this.orderId, now, payload));
  }

  private raiseStatusChanged(
    from: LogisticsStatus,
    now: Date,
    at: Date,
    trackingEventId: string | null,
  ): void {
    this.emit<LogisticsStatusChangedV1>(FulfillmentEvents.LogisticsStatusChanged, now, {
      ...this.ref(),
      from,
      to: this.status,
      at: at.toISOString(),
      trackingEventId,
    });
  }

  private raiseRisk(now: Date, code: RiskFlagInput['code'], reason: string): void {
    this.raise(
      riskFlagRaised({ code, storeId: this.storeId, orderId: this.orderId, packageId: this.id, reason }, now),
    );
  }
}
