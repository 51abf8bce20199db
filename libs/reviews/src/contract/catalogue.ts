import type { EventCatalogue, RiskFlagRaisedV1 } from '@tradehub/kernel';
import {
  type DsrChangedV1,
  type ReplyPostedV1,
  ReviewEvents,
  type ReviewEventType,
  type ReviewReceivedV1,
  type RiskFlagClearedV1,
} from './events';

const ref = { orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b', storeId: 'store-es-01' };
const reviewId = '019a2b80-1111-7222-8333-444455556666';

/** Every integration event of the Reviews context: payload interface, summary and example (docs/asyncapi.json). */
export const REVIEW_EVENT_CATALOGUE: EventCatalogue<ReviewEventType> = {
  [ReviewEvents.ReviewReceived]: {
    type: ReviewEvents.ReviewReceived,
    payload: 'ReviewReceivedV1',
    summary: "REV-1: a buyer's one review of a delivered order: overall rating, three DSR ratings and text.",
    example: {
      ...ref,
      reviewId,
      marketplaceReviewId: 'rv-20260310-5566',
      buyerId: 'buyer-4411',
      overall: 5,
      dsr: { itemAsDescribed: 5, communication: 4, shippingSpeed: 5 },
      text: '到货很快，和图片一样。',
      reviewedAt: '2026-03-10T08:00:00.000Z',
    } satisfies ReviewReceivedV1,
  },
  [ReviewEvents.ReplyPosted]: {
    type: ReviewEvents.ReplyPosted,
    payload: 'ReplyPostedV1',
    summary: "REV-2: the seller's one reply to a review.",
    example: {
      ...ref,
      reviewId,
      text: 'Thank you for your order!',
      repliedBy: 'staff-17',
      repliedAt: '2026-03-10T09:00:00.000Z',
    } satisfies ReplyPostedV1,
  },
  [ReviewEvents.DsrChanged]: {
    type: ReviewEvents.DsrChanged,
    payload: 'DsrChangedV1',
    summary:
      "REV-4, REV-5: a store's DSR in one dimension over the window after a review or a late-shipment strike (raw mean, deduction, shown).",
    example: {
      storeId: ref.storeId,
      dimension: 'SHIPPING_SPEED',
      windowDays: 90,
      asOf: '2026-03-10T08:00:00.000Z',
      reviews: 212,
      mean: '4.8113',
      deduction: '0.1000',
      shown: '4.7113',
    } satisfies DsrChangedV1,
  },
  [ReviewEvents.RiskFlagRaised]: {
    type: ReviewEvents.RiskFlagRaised,
    payload: 'RiskFlagRaisedV1',
    summary:
      'CMP-5, REV-6: NEGATIVE_REVIEW_TENDENCY (risk type 14) raised on an open order, with its reasons.',
    example: {
      code: 'NEGATIVE_REVIEW_TENDENCY',
      severity: 'medium',
      storeId: ref.storeId,
      orderId: ref.orderId,
      reason: 'Shipped late; a refund request is open',
    } satisfies RiskFlagRaisedV1,
  },
  [ReviewEvents.RiskFlagCleared]: {
    type: ReviewEvents.RiskFlagCleared,
    payload: 'RiskFlagClearedV1',
    summary:
      'CMP-5, REV-6: NEGATIVE_REVIEW_TENDENCY no longer holds (signals gone, or the order was reviewed or closed).',
    example: {
      code: 'NEGATIVE_REVIEW_TENDENCY',
      storeId: ref.storeId,
      orderId: ref.orderId,
      reason: 'the order was reviewed',
    } satisfies RiskFlagClearedV1,
  },
};
