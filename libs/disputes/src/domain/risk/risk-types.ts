/**
 * DSP-5: the shapes of the dispute early-warning score. Pure data, so the scorer can run anywhere
 * (the order view, the feed, the evaluation script) with the same answer for the same inputs.
 */

/** The signals the score is made of; the first three are risk types 11-13 of CMP-5. */
export type RiskSignal =
  'ADDRESS_AMBIGUOUS' | 'PAYMENT_ANOMALY' | 'SERIAL_RETURNER' | 'LATE_SHIPMENT' | 'LOGISTICS_STALLED';

export const RISK_SIGNALS: readonly RiskSignal[] = Object.freeze([
  'ADDRESS_AMBIGUOUS',
  'PAYMENT_ANOMALY',
  'SERIAL_RETURNER',
  'LATE_SHIPMENT',
  'LOGISTICS_STALLED',
]);

export interface RiskAddress {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166 alpha-2. */
  country: string;
}

/**
 * The buyer's orders across all stores in the policy's window, and how many of them got a return
 * request / a refund request or dispute, not counting the order being scored.
 */
export interface BuyerHistory {
  orders: number;
  returns: number;
  disputes: number;
}

export interface RiskInputs {
  address: RiskAddress;
  paymentMethod: string;
  /** ISO 3166 alpha-2; empty when checkout did not say. */
  paymentCountry: string;
  buyer: BuyerHistory;
  /** ORD-2: the ship-by deadline was missed. */
  lateShipment: boolean;
  /** FUL-3 / FUL-4: no first scan, or the package sits in the abnormal-logistics pool. */
  logisticsStalled: boolean;
}

/** One reason behind a score, in words a seller understands; `points` is what it added. */
export interface RiskReason {
  signal: RiskSignal;
  code: string;
  message: string;
  points: number;
}

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

export interface RiskAssessment {
  /** Integer 0..100. */
  score: number;
  level: RiskLevel;
  /** Highest points first. */
  reasons: RiskReason[];
}
