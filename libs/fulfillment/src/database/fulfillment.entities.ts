import { defineEntity, p } from '@mikro-orm/postgresql';
import { OrderFulfillment, Package, PackageLine, ProofFile, ReviewTask, TrackingEventType } from '../domain';

const instant = () => p.datetime().columnType('timestamptz');

/** `fulfillment.packages`: the package aggregate's one mapping. */
export const PackageEntity = defineEntity({
  class: Package,
  tableName: 'packages',
  schema: 'fulfillment',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    storeId: p.text(),
    buyerId: p.text(),
    carrierCode: p.text(),
    trackingNumber: p.text(),
    confirmation: p.text(),
    requestedLines: p.json<PackageLine[]>().nullable(),
    lines: p.json<PackageLine[]>(),
    completesOrder: p.boolean(),
    status: p.text(),
    shippedAt: instant(),
    pickedUpAt: instant().nullable(),
    firstScanAt: instant().nullable(),
    lastScanAt: instant().nullable(),
    deliveredAt: instant().nullable(),
    noFirstScan: p.boolean(),
    stalledSince: instant().nullable(),
    trackCorrectedAt: instant().nullable(),
    poolLeftAt: instant().nullable(),
    fakeShipmentAt: instant().nullable(),
    confirmDueAt: instant().nullable(),
    firstScanDueAt: instant().nullable(),
    stallDueAt: instant().nullable(),
    updatedAt: instant(),
    version: p.integer().version(),
  },
});

/** `fulfillment.review_tasks`: the operations queue of FUL-4 and FUL-5. */
export const ReviewTaskEntity = defineEntity({
  class: ReviewTask,
  tableName: 'review_tasks',
  schema: 'fulfillment',
  properties: {
    id: p.uuid().primary(),
    kind: p.text(),
    status: p.text(),
    orderId: p.uuid(),
    packageId: p.uuid(),
    storeId: p.text(),
    carrierCode: p.text(),
    trackingNumber: p.text(),
    openedAt: instant(),
    openedBy: p.text().nullable(),
    proof: p.json<ProofFile>().nullable(),
    slaDueAt: instant().nullable(),
    overdueAt: instant().nullable(),
    decidedBy: p.text().nullable(),
    decidedAt: instant().nullable(),
    reason: p.text().nullable(),
    version: p.integer().version(),
  },
});

/** `fulfillment.order_shipments`: FUL-7's record of each delivered order. */
export const OrderFulfillmentEntity = defineEntity({
  class: OrderFulfillment,
  tableName: 'order_shipments',
  schema: 'fulfillment',
  properties: {
    id: p.uuid().primary().fieldName('order_id'),
    storeId: p.text(),
    buyerId: p.text(),
    deliveredAt: instant(),
    version: p.integer().version(),
  },
});

/** A carrier scan as received, per package; a redelivered scan (same event id) is recorded once. */
export class TrackingEventRecord {
  packageId!: string;
  eventId!: string;
  type!: TrackingEventType;
  occurredAt!: Date;
  receivedAt!: Date;
  location!: string | null;
  description!: string | null;
}

export const TrackingEventEntity = defineEntity({
  class: TrackingEventRecord,
  tableName: 'tracking_events',
  schema: 'fulfillment',
  primaryKeys: ['packageId', 'eventId'],
  properties: {
    packageId: p.uuid().primary(),
    eventId: p.text().primary(),
    type: p.text(),
    occurredAt: instant(),
    receivedAt: instant(),
    location: p.text().nullable(),
    description: p.text().nullable(),
  },
});

/** A scan of a number no shipped package uses yet: the carrier may scan before the ERP confirms. */
export class UnmatchedScan {
  carrierCode!: string;
  trackingNumber!: string;
  eventId!: string;
  type!: TrackingEventType;
  occurredAt!: Date;
  location!: string | null;
  description!: string | null;
  receivedAt!: Date;
}

export const UnmatchedScanEntity = defineEntity({
  class: UnmatchedScan,
  tableName: 'unmatched_scans',
  schema: 'fulfillment',
  primaryKeys: ['carrierCode', 'trackingNumber', 'eventId'],
  properties: {
    carrierCode: p.text().primary(),
    trackingNumber: p.text().primary(),
    eventId: p.text().primary(),
    type: p.text(),
    occurredAt: instant(),
    location: p.text().nullable(),
    description: p.text().nullable(),
    receivedAt: instant(),
  },
});

export const fulfillmentEntities = [
  PackageEntity,
  ReviewTaskEntity,
  OrderFulfillmentEntity,
  TrackingEventEntity,
  UnmatchedScanEntity,
];
