/** The Reviews API's answers (libs/reviews/src/views), the fields the page reads. */

/** GET /v1/reviews/{id} and the list's items: a buyer's review (REV-1) and the seller's one reply (REV-2). */
export interface Review {
  id: string;
  marketplaceReviewId: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  /** 1-5; REV-3: 4 and 5 are positive. */
  overall: number;
  dsr: { itemAsDescribed: number; communication: number; shippingSpeed: number };
  /** As the buyer wrote it, in any language; may be empty. */
  text: string;
  reviewedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export type DsrDimension = 'ITEM_AS_DESCRIBED' | 'COMMUNICATION' | 'SHIPPING_SPEED';

/** REV-4 (and REV-5 for shipping speed): one dimension's figure over the window. */
export interface DsrFigure {
  dimension: DsrDimension;
  reviews: number;
  sum: number;
  /** The raw mean to four places; null = not rated. */
  mean: string | null;
  /** What late-shipment strikes take off ("0.1000"); "0.0000" for the other dimensions. */
  deduction: string;
  strikes: number;
  /** What the store is shown: the mean less the deduction, floor 1.0; null = not rated. */
  shown: string | null;
}

/** One store's figures over the window, or '*': the sum over the stores listed. */
export interface StoreRatings {
  storeId: string;
  windowDays: number;
  asOf: string;
  reviews: number;
  positive: number;
  /** REV-3: a six-place fraction; null = not rated. */
  positiveRate: string | null;
  dsr: DsrFigure[];
}

/** GET /v1/reviews/ratings. */
export interface RatingsOverview {
  stores: StoreRatings[];
  all: StoreRatings;
}

/** The list's filters, as the API takes them ('' = any). */
export interface ReviewFilters {
  storeId: string;
  /** 'false': awaiting a reply; 'true': replied. */
  hasReply: '' | 'true' | 'false';
  rating: '' | '1' | '2' | '3' | '4' | '5';
  /** Local calendar days (yyyy-mm-dd), both included. */
  fromDay: string;
  toDay: string;
}
