/** What the automatic checks of the day-5 review see about one order (SET-2). */
export interface HoldSignals {
  /** An open refund request or dispute on the order. */
  openIssue: boolean;
  /** A confirmed fake-shipment case (FUL-6) on the order. */
  fakeShipmentConfirmed: boolean;
  /** The seller's account is closed (CMP-4). */
  sellerAccountClosed: boolean;
}

export const NO_SIGNALS: HoldSignals = {
  openIssue: false,
  fakeShipmentConfirmed: false,
  sellerAccountClosed: false,
};

export const HOLD_REASONS = [
  'OPEN_REFUND_OR_DISPUTE',
  'FAKE_SHIPMENT_CONFIRMED',
  'SELLER_ACCOUNT_CLOSED',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** SET-2: every reason to hold the money; none means the review passes. */
export function holdReasons(signals: HoldSignals): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (signals.openIssue) reasons.push('OPEN_REFUND_OR_DISPUTE');
  if (signals.fakeShipmentConfirmed) reasons.push('FAKE_SHIPMENT_CONFIRMED');
  if (signals.sellerAccountClosed) reasons.push('SELLER_ACCOUNT_CLOSED');
  return reasons;
}
