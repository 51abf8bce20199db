/**
 * The Reviews context's integration events, on topic `tradehub.reviews.v1`. Key = order id for a
 * review's and an order's events, store id for a store's figures. Instants are ISO-8601 UTC
 * strings; means are decimal strings. Changes are additive.
 */
export const REVIEWS_CONTEXT = 'reviews';

export const ReviewEvents = {
  ReviewReceived: 'tradehub.reviews.review-received',
  ReplyPosted: 'tradehub.reviews.reply-posted',
  DsrChanged: 'tradehub.reviews.dsr-changed',
  RiskFlagRaised: 'tradehub.reviews.risk-flag-raised',
  RiskFlagCleared: 'tradehub.reviews.risk-flag-cleared',
} as const;
export type ReviewEventType = (typeof ReviewEvents)[keyof typeof ReviewEvents];

/** REV-1's three detailed seller ratings. */
export const DSR_DIMENSIONS = ['ITEM_AS_DESCRIBED', 'COMMUNICATION', 'SHIPPING_SPEED'] as const;
export type DsrDimension = (typeof DSR_DIMENSIONS)[number];

/** REV-1: a buyer reviewed a delivered order (once per order). */
export interface ReviewReceivedV1 {
  reviewId: string;
  marketplaceReviewId: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  /** 1-5; 4 and 5 are positive (REV-3). */
  overall: number;
  dsr: { itemAsDescribed: number; communication: number; shippingSpeed: number };
  text: string;
  reviewedAt: string;
}

/** REV-2: the seller's one reply. */
export interface ReplyPostedV1 {
  reviewId: string;
  orderId: string;
  storeId: string;
  text: string;
  repliedBy: string;
  repliedAt: string;
}

/**
 * REV-4, REV-5: a store's DSR in one dimension over the window, as of `asOf`. `mean` is the raw
 * mean (null: no reviews, "not rated"); for SHIPPING_SPEED `deduction` is what late-shipment strikes
 * take off and `shown` the result (floor 1.0); elsewhere `deduction` is "0.0" and `shown` = `mean`.
 */
export interface DsrChangedV1 {
  storeId: string;
  dimension: DsrDimension;
  windowDays: number;
  asOf: string;
  reviews: number;
  mean: string | null;
  deduction: string;
  shown: string | null;
}

/** CMP-5: a flag of this context (14 NEGATIVE_REVIEW_TENDENCY) no longer holds; the shape of the other contexts'. */
export interface RiskFlagClearedV1 {
  code: string;
  storeId: string;
  orderId: string | null;
  reason: string;
}
