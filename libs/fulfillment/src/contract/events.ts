/**
 * The Fulfillment context's integration events: their type names and V1 payloads, on topic
 * `tradehub.fulfillment.v1`, key = order id so one order's events stay in order. Instants are
 * ISO-8601 UTC strings. Changes are additive; a breaking change gets a new schema version.
 */
export const FULFILLMENT_CONTEXT = 'fulfillment';

export const FulfillmentEvents = {
  PackageShipped: 'tradehub.fulfillment.package-shipped',
  LogisticsStatusChanged: 'tradehub.fulfillment.logistics-status-changed',
  NoFirstScan: 'tradehub.fulfillment.no-first-scan',
  LogisticsStalled: 'tradehub.fulfillment.logistics-stalled',
  TrackCorrected: 'tradehub.fulfillment.track-corrected',
  PackageDelivered: 'tradehub.fulfillment.package-delivered',
  OrderDelivered: 'tradehub.fulfillment.order-delivered',
  ReviewTaskOpened: 'tradehub.fulfillment.review-task-opened',
  ReviewTaskDecided: 'tradehub.fulfillment.review-task-decided',
  FakeShipmentConfirmed: 'tradehub.fulfillment.fake-shipment-confirmed',
  RiskFlagRaised: 'tradehub.fulfillment.risk-flag-raised',
} as const;

export type FulfillmentEventType = (typeof FulfillmentEvents)[keyof typeof FulfillmentEvents];

/** Identifies the parcel an event is about; every package event carries it. */
export interface PackageRefV1 {
  /** The order the package belongs to (also the Kafka key). */
  orderId: string;
  packageId: string;
  storeId: string;
}

/** FUL-1, FUL-2: a package left with an approved carrier under a valid tracking number. */
export interface PackageShippedV1 extends PackageRefV1 {
  /** Carrier code from the approved list, e.g. `CAINIAO`. */
  carrierCode: string;
  /** Normalised tracking number (trimmed, upper case, no spaces). */
  trackingNumber: string;
  /** The order lines and quantities this package carries (partial shipment allowed). */
  lines: { lineId: string; quantity: number }[];
  shippedAt: string;
}

/** The package's logistics status moved forward (or sideways to a newer exception / transit scan). */
export interface LogisticsStatusChangedV1 extends PackageRefV1 {
  from: string;
  to: string;
  /** Carrier time of the scan that caused the change, or the correction time (FUL-5). */
  at: string;
  /** The carrier's tracking event id; null when the change came from a review decision. */
  trackingEventId: string | null;
}

/** FUL-3: picked up, but no tracking update within the first-scan window. */
export interface NoFirstScanV1 extends PackageRefV1 {
  pickedUpAt: string;
  /** pickedUpAt + firstScanHours: when the first scan was due. */
  deadline: string;
}

/** FUL-4: in transit with no tracking event for the stall window; enters the abnormal-logistics pool. */
export interface LogisticsStalledV1 extends PackageRefV1 {
  /** The newest scan, pickup or correction the gap is measured from. */
  lastActivityAt: string;
  /** When the package was flagged. */
  stalledSince: string;
}

/** FUL-5: a reviewer accepted the seller's pickup proof; the tracking status is corrected. */
export interface TrackCorrectedV1 extends PackageRefV1 {
  status: string;
  correctedAt: string;
}

/** FUL-7: the delivery (签收) scan; the order is delivered and settlement starts. */
export interface PackageDeliveredV1 extends PackageRefV1 {
  /** Carrier time of the delivery scan. */
  deliveredAt: string;
}

/**
 * FUL-7: every package of a fully shipped order is delivered (签收). Settlement consumes this to
 * freeze the proceeds (SET-1) and start its day-5 review and day-7 release clocks.
 */
export interface OrderDeliveredV1 {
  orderId: string;
  storeId: string;
  /** Carrier time of the last delivery scan: the instant S of SET-1. */
  deliveredAt: string;
}

export interface ReviewTaskOpenedV1 extends PackageRefV1 {
  taskId: string;
  /** `ABNORMAL_LOGISTICS` (FUL-4) or `LOGISTICS_PROOF` (FUL-5). */
  kind: string;
  openedAt: string;
  /** FUL-5: when a proof review is due; null for tasks without an SLA. */
  slaDueAt: string | null;
}

export interface ReviewTaskDecidedV1 extends PackageRefV1 {
  taskId: string;
  kind: string;
  /** The task's new status: ACCEPTED, REJECTED, FAKE_SHIPMENT_CONFIRMED or CLOSED. */
  decision: string;
  /** The operations reviewer's user id. */
  decidedBy: string;
  decidedAt: string;
  reason: string;
}

/** FUL-6 -> CMP-4: a reviewer confirmed a fake shipment (虚假发货); Compliance applies the penalty. */
export interface FakeShipmentConfirmedV1 extends PackageRefV1 {
  taskId: string;
  reason: string;
  decidedBy: string;
}

/** CMP-5: the shared risk-flag shape, published as `tradehub.fulfillment.risk-flag-raised`. */
export type { RiskFlagRaisedV1, RiskSeverity } from '@tradehub/kernel';
