import { Provider } from '@nestjs/common';
import { APP_ENV, ConfigError, type Env, int, text } from '@tradehub/platform';
import { DEFAULT_DISPUTE_SCHEDULE, DEFAULT_REFUSAL_REASONS, type DisputePolicy } from './domain';
import { loadDisputeRiskPolicy } from './risk.config';

export const DISPUTES_POLICY = Symbol('DisputesPolicy');
export const DISPUTE_RISK_POLICY = Symbol('DisputeRiskPolicy');

export interface DisputesPolicy extends DisputePolicy {
  /** Largest evidence file (PDF, JPEG, PNG) accepted. */
  maxEvidenceBytes: number;
  /** Tries of an agreed refund Settlement cannot answer before an operator takes it over. */
  maxRefundAttempts: number;
  /** Most evidence files one answer or request may name. */
  maxEvidenceFiles: number;
  /** DSP-6: the dispute-rate window in days. */
  rateWindowDays: number;
  /** The buyer-facing team's requests, offer answers, return shipments and escalations. */
  buyersTopic: string;
  /** The logistics team's scans of return parcels (DSP-3). */
  returnTrackingTopic: string;
}

/** A comma list of preset reason codes (upper case, digits, underscores). */
function reasons(env: Env, name: string, fallback: readonly string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const list = raw.split(',').map((r) => r.trim());
  if (list.some((r) => !/^[A-Z][A-Z0-9_]{1,63}$/.test(r)))
    throw new ConfigError(`${name} must be a comma list of codes such as ITEM_AS_DESCRIBED, got '${raw}'`);
  return list;
}

/** DSP-1..3 deadlines, the refusal reasons, evidence limits, DSP-6's window and the teams' topics. */
export function loadDisputesPolicy(env: Env): DisputesPolicy {
  const d = DEFAULT_DISPUTE_SCHEDULE;
  return {
    responseDays: int(env, 'DISPUTE_RESPONSE_DAYS', d.responseDays, 1, 60),
    responseWarnHours: int(env, 'DISPUTE_RESPONSE_WARN_HOURS', d.responseWarnHours, 0, 24 * 60),
    inspectionHours: int(env, 'DISPUTE_INSPECTION_HOURS', d.inspectionHours, 1, 24 * 60),
    inspectionWarnHours: int(env, 'DISPUTE_INSPECTION_WARN_HOURS', d.inspectionWarnHours, 0, 24 * 60),
    buyerDays: int(env, 'DISPUTE_BUYER_DAYS', d.buyerDays, 1, 60),
    returnTransitDays: int(env, 'DISPUTE_RETURN_TRANSIT_DAYS', d.returnTransitDays, 1, 180),
    maxRefundAttempts: int(env, 'DISPUTE_REFUND_MAX_ATTEMPTS', 20, 1, 1000),
    refusalReasons: reasons(env, 'DISPUTE_REFUSAL_REASONS', DEFAULT_REFUSAL_REASONS),
    maxEvidenceBytes: int(env, 'EVIDENCE_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    maxEvidenceFiles: int(env, 'EVIDENCE_MAX_FILES', 10, 1, 50),
    rateWindowDays: int(env, 'DISPUTE_RATE_WINDOW_DAYS', 90, 1, 366),
    buyersTopic: text(env, 'KAFKA_BUYER_DISPUTES_TOPIC', 'buyers.disputes.v1'),
    returnTrackingTopic: text(env, 'KAFKA_RETURN_TRACKING_TOPIC', 'logistics.return-tracking.v1'),
  };
}

export const disputesConfig: Provider[] = [
  { provide: DISPUTES_POLICY, inject: [APP_ENV], useFactory: loadDisputesPolicy },
  { provide: DISPUTE_RISK_POLICY, inject: [APP_ENV], useFactory: loadDisputeRiskPolicy },
];
