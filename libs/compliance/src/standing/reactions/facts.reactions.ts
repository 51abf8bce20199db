import { DisputeEvents, type RefundRequestedV1 } from '@tradehub/disputes/contract';
import { FulfillmentEvents, type PackageRefV1 } from '@tradehub/fulfillment/contract';
import type { Clock } from '@tradehub/kernel';
import {
  OrderEvents,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type ShipmentRecordedV1,
  type ShipDeadlineV1,
} from '@tradehub/orders/contract';
import type { EventHandler, IncomingEvent, Topics, Tx, UnitOfWork } from '@tradehub/platform';
import { type ReviewReceivedV1, ReviewEvents } from '@tradehub/reviews/contract';
import { type FundsReleasedV1, type RefundPostedV1, SettlementEvents } from '@tradehub/settlement/contract';
import type { FactsRecorder } from '../commands/facts-recorder';

type Handle = (event: IncomingEvent, tx: Tx, now: Date) => Promise<void>;

/** ANA-1's sources: per topic, what each event type adds to the facts. */
function sources(facts: FactsRecorder): Record<string, Record<string, Handle>> {
  return {
    orders: {
      [OrderEvents.OrderPlaced]: (e, tx, now) => {
        const d = e.data as unknown as OrderPlacedV1;
        return facts.placed(
          tx,
          {
            orderId: d.orderId,
            storeId: d.storeId,
            currency: d.total.currency,
            totalMinor: BigInt(d.total.minor),
            paidAt: new Date(d.paidAt),
            shipBy: new Date(d.shipBy),
          },
          now,
        );
      },
      [OrderEvents.OrderCancelled]: (e, tx, now) =>
        facts.cancelled(tx, e.data as unknown as OrderCancelledV1, e.time, now),
      [OrderEvents.ShipmentRecorded]: (e, tx, now) =>
        facts.shipped(tx, (e.data as unknown as ShipmentRecordedV1).orderId, e.time, now),
      [OrderEvents.ShipDeadlineMissed]: (e, tx, now) =>
        facts.late(tx, (e.data as unknown as ShipDeadlineV1).orderId, now),
    },
    fulfillment: {
      [FulfillmentEvents.NoFirstScan]: (e, tx, now) =>
        facts.marked(tx, e.data as unknown as PackageRefV1, 'abnormal', e.time, now),
      [FulfillmentEvents.LogisticsStalled]: (e, tx, now) =>
        facts.marked(tx, e.data as unknown as PackageRefV1, 'abnormal', e.time, now),
    },
    settlement: {
      [SettlementEvents.RefundPosted]: (e, tx, now) => {
        const d = e.data as unknown as RefundPostedV1;
        return facts.marked(tx, d, 'refunded', new Date(d.postedAt), now);
      },
      [SettlementEvents.FundsReleased]: (e, tx) => {
        const d = e.data as unknown as FundsReleasedV1;
        return facts.released(tx, d.orderId, d.storeId, new Date(d.releasedAt), d.payoutCycleSeconds);
      },
    },
    disputes: {
      // DSP-6: an order counts as disputed on the day its first request opened.
      [DisputeEvents.RefundRequested]: (e, tx, now) => {
        const d = e.data as unknown as RefundRequestedV1;
        return facts.marked(tx, d, 'disputed', new Date(d.requestedAt), now);
      },
    },
    reviews: {
      [ReviewEvents.ReviewReceived]: (e, tx, now) => {
        const d = e.data as unknown as ReviewReceivedV1;
        return facts.reviewed(
          tx,
          {
            reviewId: d.reviewId,
            orderId: d.orderId,
            storeId: d.storeId,
            reviewedAt: new Date(d.reviewedAt),
            overall: d.overall,
            dsr: [d.dsr.itemAsDescribed, d.dsr.communication, d.dsr.shippingSpeed],
          },
          now,
        );
      },
      // REV-5: a strike moves the shown DSR without a review; the gate and score follow.
      [ReviewEvents.DsrChanged]: (e, tx, now) => facts.refresh(tx, String(e.data.storeId), now),
    },
  };
}

/** One inbox-deduplicated consumer per source topic. */
export function factsReactions(
  topics: Topics,
  database: UnitOfWork,
  facts: FactsRecorder,
  clock: Clock,
): EventHandler[] {
  return Object.entries(sources(facts)).map(([context, byType]) => ({
    consumer: `compliance.facts-${context}`,
    topic: topics.forContext(context),
    database,
    types: Object.keys(byType),
    handle: (event: IncomingEvent, tx: Tx) => byType[event.type]!(event, tx, clock.now()),
  }));
}
