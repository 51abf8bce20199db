/** ORD-5: why an order was cancelled. Seller reasons are the platform's preset list. */
export const CANCEL_INITIATORS = ['BUYER', 'SELLER'] as const;
export type CancelInitiator = (typeof CANCEL_INITIATORS)[number];

export const CANCEL_REASONS = [
  'OUT_OF_STOCK',
  'BUYER_REQUESTED',
  'PRICE_ERROR',
  'CANNOT_SHIP_TO_ADDRESS',
  'BUYER_CHANGED_MIND',
  'DUPLICATE_ORDER',
  'OTHER',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface Cancellation {
  initiator: CancelInitiator;
  reason: CancelReason;
  note: string | null;
  at: Date;
}
