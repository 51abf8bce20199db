import { addressProblems, ADDRESS_PROBLEM_SEVERITY } from './address-problems';
import { cappedReasons } from './capped-points';
import { lateShipmentFindings, logisticsStalledFindings } from './fulfillment-signals';
import { paymentFindings } from './payment-anomaly';
import { DisputeRiskPolicy } from './risk-policy';
import { RiskAssessment, RiskInputs, RiskLevel, RiskReason } from './risk-types';
import { serialReturnerFindings } from './serial-returner';

/**
 * DSP-5: the dispute early-warning score of an open order. Each signal adds at most its weight;
 * the score is the sum, rounded and capped at 100, with every reason that made it (highest first)
 * so the seller sees why. Pure: the same inputs and policy always give the same assessment, so an
 * order can be re-scored whenever one of its inputs changes (payment, missed ship-by deadline,
 * stalled tracking, a new dispute of the buyer elsewhere).
 */
export function assessDisputeRisk(inputs: RiskInputs, policy: DisputeRiskPolicy): RiskAssessment {
  const { weights } = policy;
  const address = addressProblems(inputs.address).map((problem) => ({
    ...problem,
    severity: ADDRESS_PROBLEM_SEVERITY[problem.code],
  }));
  const reasons: RiskReason[] = [
    ...cappedReasons('ADDRESS_AMBIGUOUS', weights.ADDRESS_AMBIGUOUS, address),
    ...cappedReasons(
      'PAYMENT_ANOMALY',
      weights.PAYMENT_ANOMALY,
      paymentFindings(
        inputs.paymentMethod,
        inputs.paymentCountry,
        inputs.address.country,
        policy.abnormalPaymentMethods,
      ),
    ),
    ...cappedReasons(
      'SERIAL_RETURNER',
      weights.SERIAL_RETURNER,
      serialReturnerFindings(inputs.buyer, policy.serialReturner),
    ),
    ...cappedReasons('LATE_SHIPMENT', weights.LATE_SHIPMENT, lateShipmentFindings(inputs.lateShipment)),
    ...cappedReasons(
      'LOGISTICS_STALLED',
      weights.LOGISTICS_STALLED,
      logisticsStalledFindings(inputs.logisticsStalled),
    ),
  ];
  // Stable sort: equal points keep the signal order above.
  reasons.sort((a, b) => b.points - a.points);
  const score = Math.min(
    100,
    Math.max(0, Math.round(reasons.reduce((sum, reason) => sum + reason.points, 0))),
  );
  return { score, level: riskLevel(score, policy), reasons };
}

/** The level cuts: at or above `highScore` HIGH, at or above `mediumScore` MEDIUM, else LOW. */
export function riskLevel(
  score: number,
  policy: Pick<DisputeRiskPolicy, 'mediumScore' | 'highScore'>,
): RiskLevel {
  if (score >= policy.highScore) return 'HIGH';
  if (score >= policy.mediumScore) return 'MEDIUM';
  return 'LOW';
}
