import type { EventCatalogue, RiskFlagRaisedV1 } from '@tradehub/kernel';
import {
  FulfillmentEvents,
  type FakeShipmentConfirmedV1,
  type FulfillmentEventType,
  type LogisticsStalledV1,
  type LogisticsStatusChangedV1,
  type NoFirstScanV1,
  type OrderDeliveredV1,
  type PackageDeliveredV1,
  type PackageRefV1,
  type PackageShippedV1,
  type ReviewTaskDecidedV1,
  type ReviewTaskOpenedV1,
  type TrackCorrectedV1,
} from './events';

const ref = {
  orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
  packageId: '019a2b40-1111-7222-8333-444455556666',
  storeId: 'store-es-01',
} satisfies PackageRefV1;
const taskId = '019a2b55-aaaa-7bbb-8ccc-ddddeeeeffff';

/**
 * Every integration event of the Fulfillment context, with its payload interface, a one-line
 * summary (rule IDs as in docs/events.md) and an example payload. `docs/asyncapi.json` is
 * generated from it.
 */
export const FULFILLMENT_EVENT_CATALOGUE: EventCatalogue<FulfillmentEventType> = {
  [FulfillmentEvents.PackageShipped]: {
    type: FulfillmentEvents.PackageShipped,
    payload: 'PackageShippedV1',
    summary:
      'FUL-1, FUL-2: a seller confirmed a package with an approved carrier and a valid, unused tracking number.',
    example: {
      ...ref,
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      lines: [{ lineId: '1', quantity: 2 }],
      shippedAt: '2026-03-02T11:30:00.000Z',
    } satisfies PackageShippedV1,
  },
  [FulfillmentEvents.LogisticsStatusChanged]: {
    type: FulfillmentEvents.LogisticsStatusChanged,
    payload: 'LogisticsStatusChangedV1',
    summary:
      "A package's logistics status changed: a carrier scan (FUL-3, FUL-4, FUL-7) or an accepted pickup proof (FUL-5).",
    example: {
      ...ref,
      from: 'SHIPPED',
      to: 'PICKED_UP',
      at: '2026-03-02T15:05:00.000Z',
      trackingEventId: 'cn-evt-000123',
    } satisfies LogisticsStatusChangedV1,
  },
  [FulfillmentEvents.NoFirstScan]: {
    type: FulfillmentEvents.NoFirstScan,
    payload: 'NoFirstScanV1',
    summary: 'FUL-3: picked up, but no further scan within the first-scan window (once per package).',
    example: {
      ...ref,
      pickedUpAt: '2026-03-02T15:05:00.000Z',
      deadline: '2026-03-03T15:05:00.000Z',
    } satisfies NoFirstScanV1,
  },
  [FulfillmentEvents.LogisticsStalled]: {
    type: FulfillmentEvents.LogisticsStalled,
    payload: 'LogisticsStalledV1',
    summary:
      'FUL-4: a package in transit had no activity for the stall window; it enters the abnormal-logistics pool.',
    example: {
      ...ref,
      lastActivityAt: '2026-03-04T08:00:00.000Z',
      stalledSince: '2026-03-07T08:00:00.000Z',
    } satisfies LogisticsStalledV1,
  },
  [FulfillmentEvents.TrackCorrected]: {
    type: FulfillmentEvents.TrackCorrected,
    payload: 'TrackCorrectedV1',
    summary: "FUL-5: an operator accepted the seller's pickup proof; the package counts as picked up.",
    example: {
      ...ref,
      status: 'PICKED_UP',
      correctedAt: '2026-03-03T09:40:00.000Z',
    } satisfies TrackCorrectedV1,
  },
  [FulfillmentEvents.PackageDelivered]: {
    type: FulfillmentEvents.PackageDelivered,
    payload: 'PackageDeliveredV1',
    summary: "FUL-7: the package's delivery (签收) scan was applied (once per package).",
    example: { ...ref, deliveredAt: '2026-03-09T12:20:00.000Z' } satisfies PackageDeliveredV1,
  },
  [FulfillmentEvents.OrderDelivered]: {
    type: FulfillmentEvents.OrderDelivered,
    payload: 'OrderDeliveredV1',
    summary:
      'FUL-7: every package of a fully shipped order is delivered; Settlement freezes the proceeds (SET-1).',
    example: {
      orderId: ref.orderId,
      storeId: ref.storeId,
      deliveredAt: '2026-03-09T12:20:00.000Z',
    } satisfies OrderDeliveredV1,
  },
  [FulfillmentEvents.ReviewTaskOpened]: {
    type: FulfillmentEvents.ReviewTaskOpened,
    payload: 'ReviewTaskOpenedV1',
    summary:
      'FUL-4, FUL-5: an operations review task opened: abnormal logistics (stalled package) or a pickup-proof review.',
    example: {
      ...ref,
      taskId,
      kind: 'LOGISTICS_PROOF',
      openedAt: '2026-03-03T08:00:00.000Z',
      slaDueAt: '2026-03-03T10:00:00.000Z',
    } satisfies ReviewTaskOpenedV1,
  },
  [FulfillmentEvents.ReviewTaskDecided]: {
    type: FulfillmentEvents.ReviewTaskDecided,
    payload: 'ReviewTaskDecidedV1',
    summary:
      'FUL-4, FUL-5, FUL-6: an operator decided a review task: accepted, rejected, fake shipment confirmed or closed.',
    example: {
      ...ref,
      taskId,
      kind: 'LOGISTICS_PROOF',
      decision: 'ACCEPTED',
      decidedBy: 'ops-reviewer-3',
      decidedAt: '2026-03-03T09:40:00.000Z',
      reason: 'waybill and pickup timestamp match the carrier record',
    } satisfies ReviewTaskDecidedV1,
  },
  [FulfillmentEvents.FakeShipmentConfirmed]: {
    type: FulfillmentEvents.FakeShipmentConfirmed,
    payload: 'FakeShipmentConfirmedV1',
    summary:
      'FUL-6: an operator confirmed a fake shipment (虚假发货); Compliance applies the penalty (CMP-4).',
    example: {
      ...ref,
      taskId,
      reason: 'carrier confirms no pickup for this waybill',
      decidedBy: 'ops-reviewer-3',
    } satisfies FakeShipmentConfirmedV1,
  },
  [FulfillmentEvents.RiskFlagRaised]: {
    type: FulfillmentEvents.RiskFlagRaised,
    payload: 'RiskFlagRaisedV1',
    summary:
      'CMP-5: a risk the Fulfillment context raises (FUL-2 invalid tracking number through FUL-6 fake shipment).',
    example: {
      code: 'LOGISTICS_STALLED',
      severity: 'high',
      storeId: ref.storeId,
      orderId: ref.orderId,
      reason: 'no tracking event since 2026-03-04T08:00:00.000Z',
    } satisfies RiskFlagRaisedV1,
  },
};
