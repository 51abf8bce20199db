import { RiskSignal } from './risk-types';

/** DSP-5: the tunable numbers of the score; configuration (risk.config.ts) fills them from the environment. */
export interface DisputeRiskPolicy {
  /** The most points each signal can add. */
  weights: Record<RiskSignal, number>;
  /** Level cuts: a score at or above `highScore` is HIGH, at or above `mediumScore` MEDIUM. */
  mediumScore: number;
  highScore: number;
  /** Upper-case payment method codes seen far more often on disputed orders, e.g. 'PREPAID_CARD'. */
  abnormalPaymentMethods: readonly string[];
  serialReturner: {
    /** How far back the buyer's history reaches (the caller counts the orders in it). */
    windowDays: number;
    /** Fewest returns + disputes before a buyer can be a serial returner. */
    minRequests: number;
    /** Fewest (returns + disputes) / orders, 0..1. */
    minRate: number;
  };
}

/**
 * Defaults chosen on the evaluation in docs/dispute-early-warning.md. HIGH (40) sits at the knee of
 * the sweep: one cut lower the list doubles and its precision falls by a quarter. Alone, only a
 * serial returner (42-60 points) or an address with several serious problems (capped at 40) is
 * HIGH; any other HIGH needs two independent reasons. MEDIUM (25) holds every single serious
 * reason (no postal code, stalled tracking, a doubly odd payment) for a look when time allows.
 */
export const DEFAULT_DISPUTE_RISK_POLICY: DisputeRiskPolicy = Object.freeze({
  weights: Object.freeze({
    ADDRESS_AMBIGUOUS: 40,
    PAYMENT_ANOMALY: 35,
    SERIAL_RETURNER: 60,
    LATE_SHIPMENT: 15,
    LOGISTICS_STALLED: 35,
  }),
  mediumScore: 25,
  highScore: 40,
  abnormalPaymentMethods: Object.freeze(['PREPAID_CARD', 'GIFT_CARD', 'VIRTUAL_CARD']),
  serialReturner: Object.freeze({ windowDays: 90, minRequests: 2, minRate: 0.3 }),
});
