/** The Fulfillment rules' numbers marked *(config)* in RULES.md; the values come from validated configuration. */
export interface FulfillmentPolicy {
  /** FUL-3: hours after pickup within which the first tracking update must arrive. */
  firstScanHours: number;
  /** FUL-4: hours without a tracking event, in transit, before a package stalls. */
  stallHours: number;
  /** FUL-5: hours operations have to review a logistics proof. */
  proofReviewHours: number;
  /** FUL-5: the largest pickup-proof PDF accepted, in bytes. */
  maxProofBytes: number;
  /**
   * Seconds after which a shipment confirmation that did not finish (its process died between the
   * package and the order's record) is finished by a timer.
   */
  confirmRecoverySeconds: number;
}

/** The rulebook's defaults. */
export const DEFAULT_FULFILLMENT_POLICY: Readonly<FulfillmentPolicy> = Object.freeze({
  firstScanHours: 24,
  stallHours: 72,
  proofReviewHours: 2,
  maxProofBytes: 10 * 1024 * 1024,
  confirmRecoverySeconds: 30,
});
