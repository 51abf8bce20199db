import { ConfigError, Env, int, text } from '@tradehub/platform';
import { DEFAULT_DISPUTE_RISK_POLICY, DisputeRiskPolicy, normalisePaymentMethod } from './domain/risk';

const D = DEFAULT_DISPUTE_RISK_POLICY;
/** Written in place of the list to mean "no payment method is abnormal" (an empty value means the default). */
const NO_METHODS = 'NONE';

/** The settings, their defaults and meaning: the README's table is written from these rows. */
export const DISPUTE_RISK_SETTINGS: readonly { name: string; default: string; meaning: string }[] = [
  {
    name: 'DISPUTE_RISK_WEIGHT_ADDRESS',
    default: String(D.weights.ADDRESS_AMBIGUOUS),
    meaning: 'DSP-5 most points an ambiguous or incomplete address adds (0-100; 0 switches a signal off)',
  },
  {
    name: 'DISPUTE_RISK_WEIGHT_PAYMENT',
    default: String(D.weights.PAYMENT_ANOMALY),
    meaning:
      'DSP-5 most points an abnormal payment method and/or a payment/shipping country mismatch add (0-100)',
  },
  {
    name: 'DISPUTE_RISK_WEIGHT_SERIAL_RETURNER',
    default: String(D.weights.SERIAL_RETURNER),
    meaning: "DSP-5 most points the buyer's return/dispute history adds (0-100)",
  },
  {
    name: 'DISPUTE_RISK_WEIGHT_LATE_SHIPMENT',
    default: String(D.weights.LATE_SHIPMENT),
    meaning: 'DSP-5 points a missed ship-by deadline (ORD-2) adds (0-100)',
  },
  {
    name: 'DISPUTE_RISK_WEIGHT_LOGISTICS_STALLED',
    default: String(D.weights.LOGISTICS_STALLED),
    meaning: 'DSP-5 points a package with no first scan or stalled tracking (FUL-3, FUL-4) adds (0-100)',
  },
  {
    name: 'DISPUTE_RISK_MEDIUM_SCORE',
    default: String(D.mediumScore),
    meaning: 'DSP-5 score from which an order is MEDIUM risk (0-100, at most the high score)',
  },
  {
    name: 'DISPUTE_RISK_HIGH_SCORE',
    default: String(D.highScore),
    meaning: 'DSP-5 score from which an order is HIGH risk and joins the high-risk list and feed (0-100)',
  },
  {
    name: 'DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS',
    default: D.abnormalPaymentMethods.join(','),
    meaning: `DSP-5 comma-separated payment method codes counted as abnormal (case-insensitive); ${NO_METHODS} for none`,
  },
  {
    name: 'DISPUTE_RISK_BUYER_WINDOW_DAYS',
    default: String(D.serialReturner.windowDays),
    meaning:
      "DSP-5 days of the buyer's orders (all stores) the serial-returner signal looks back over (1-730)",
  },
  {
    name: 'DISPUTE_RISK_SERIAL_MIN_REQUESTS',
    default: String(D.serialReturner.minRequests),
    meaning:
      'DSP-5 fewest returns + refund requests/disputes in the window before a buyer is a serial returner (1-1000)',
  },
  {
    name: 'DISPUTE_RISK_SERIAL_MIN_RATE_PCT',
    default: String(Math.round(D.serialReturner.minRate * 100)),
    meaning:
      "DSP-5 lowest share of the buyer's orders in the window with a return or dispute, in percent (0-100)",
  },
];

/** DSP-5: the policy from the environment; every value is range-checked and a bad one is refused by its name. */
export function loadDisputeRiskPolicy(env: Env): DisputeRiskPolicy {
  const weight = (name: string, fallback: number) => int(env, name, fallback, 0, 100);
  const mediumScore = int(env, 'DISPUTE_RISK_MEDIUM_SCORE', D.mediumScore, 0, 100);
  const highScore = int(env, 'DISPUTE_RISK_HIGH_SCORE', D.highScore, 0, 100);
  if (mediumScore > highScore) {
    throw new ConfigError(
      `DISPUTE_RISK_MEDIUM_SCORE (${mediumScore}) must not be above DISPUTE_RISK_HIGH_SCORE (${highScore})`,
    );
  }
  return {
    weights: {
      ADDRESS_AMBIGUOUS: weight('DISPUTE_RISK_WEIGHT_ADDRESS', D.weights.ADDRESS_AMBIGUOUS),
      PAYMENT_ANOMALY: weight('DISPUTE_RISK_WEIGHT_PAYMENT', D.weights.PAYMENT_ANOMALY),
      SERIAL_RETURNER: weight('DISPUTE_RISK_WEIGHT_SERIAL_RETURNER', D.weights.SERIAL_RETURNER),
      LATE_SHIPMENT: weight('DISPUTE_RISK_WEIGHT_LATE_SHIPMENT', D.weights.LATE_SHIPMENT),
      LOGISTICS_STALLED: weight('DISPUTE_RISK_WEIGHT_LOGISTICS_STALLED', D.weights.LOGISTICS_STALLED),
    },
    mediumScore,
    highScore,
    abnormalPaymentMethods: paymentMethods(env, 'DISPUTE_RISK_ABNORMAL_PAYMENT_METHODS'),
    serialReturner: {
      windowDays: int(env, 'DISPUTE_RISK_BUYER_WINDOW_DAYS', D.serialReturner.windowDays, 1, 730),
      minRequests: int(env, 'DISPUTE_RISK_SERIAL_MIN_REQUESTS', D.serialReturner.minRequests, 1, 1000),
      minRate:
        int(env, 'DISPUTE_RISK_SERIAL_MIN_RATE_PCT', Math.round(D.serialReturner.minRate * 100), 0, 100) /
        100,
    },
  };
}

function paymentMethods(env: Env, name: string): readonly string[] {
  const raw = text(env, name, D.abnormalPaymentMethods.join(','));
  if (raw.trim().toUpperCase() === NO_METHODS) return [];
  const methods = raw.split(',').map(normalisePaymentMethod);
  const bad = methods.find((method) => !/^[A-Z0-9_]+$/.test(method));
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} must be a comma-separated list of payment method codes (letters, digits, _), got '${raw}'`,
    );
  }
  return [...new Set(methods)];
}
