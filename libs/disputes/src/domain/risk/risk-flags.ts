import { RiskAssessment } from './risk-types';

/** CMP-5: the risk types of the rulebook's table (11, 12, 13) that the score's signals raise. */
export type DisputeRiskFlagCode = 'ADDRESS_AMBIGUOUS' | 'PAYMENT_ANOMALY' | 'SERIAL_RETURNER';

const FLAG_ORDER: readonly DisputeRiskFlagCode[] = [
  'ADDRESS_AMBIGUOUS',
  'PAYMENT_ANOMALY',
  'SERIAL_RETURNER',
];

/** Their number in the table of 17. */
export const DISPUTE_RISK_FLAG_NUMBERS: Readonly<Record<DisputeRiskFlagCode, number>> = Object.freeze({
  ADDRESS_AMBIGUOUS: 11,
  PAYMENT_ANOMALY: 12,
  SERIAL_RETURNER: 13,
});

/**
 * The risk-table codes raised for an assessment: 11 ADDRESS_AMBIGUOUS, 12 PAYMENT_ANOMALY,
 * 13 SERIAL_RETURNER, only for those signals present, in table order. Late shipment and stalled
 * logistics are not here: Orders and Fulfillment raise their own flags (2, 5, 6) for them.
 */
export function riskFlagCodes(assessment: RiskAssessment): DisputeRiskFlagCode[] {
  const present = new Set(assessment.reasons.map((reason) => reason.signal));
  return FLAG_ORDER.filter((code) => present.has(code));
}
