import type { RiskSeverity } from '@tradehub/kernel';

/** CMP-5: every severity a flag may carry, least severe first (the order escalation compares by). */
export const RISK_SEVERITIES: readonly RiskSeverity[] = Object.freeze(['low', 'medium', 'high', 'critical']);

export function isRiskSeverity(value: unknown): value is RiskSeverity {
  return typeof value === 'string' && (RISK_SEVERITIES as readonly string[]).includes(value);
}

/** True when `a` is strictly more severe than `b`. */
export function moreSevere(a: RiskSeverity, b: RiskSeverity): boolean {
  return RISK_SEVERITIES.indexOf(a) > RISK_SEVERITIES.indexOf(b);
}

/**
 * CMP-5: the rulebook's table of 17 risk types, in its order (number = position + 1). `severity`
 * is the default when neither configuration nor the raising context says otherwise: for 1-14 the
 * severity their context documents (docs/events.md), for Compliance's own 15-17 high, since each
 * is a CMP-2 downgrade bar or the CMP-3 campaign gate already crossed.
 */
export const RISK_TYPE_TABLE = [
  { code: 'SHIP_DEADLINE_NEAR', severity: 'medium', rule: 'ORD-2' },
  { code: 'SHIP_DEADLINE_MISSED', severity: 'high', rule: 'ORD-2' },
  { code: 'LATE_SHIPMENT_STRIKES', severity: 'high', rule: 'ORD-4' },
  { code: 'INVALID_TRACKING_NUMBER', severity: 'medium', rule: 'FUL-2' },
  { code: 'NO_FIRST_SCAN', severity: 'medium', rule: 'FUL-3' },
  { code: 'LOGISTICS_STALLED', severity: 'high', rule: 'FUL-4' },
  { code: 'PROOF_REVIEW_OVERDUE', severity: 'medium', rule: 'FUL-5' },
  { code: 'FAKE_SHIPMENT_SUSPECTED', severity: 'critical', rule: 'FUL-6' },
  { code: 'REFUND_RESPONSE_DUE', severity: 'high', rule: 'DSP-1' },
  { code: 'RETURN_INSPECTION_DUE', severity: 'high', rule: 'DSP-3' },
  { code: 'ADDRESS_AMBIGUOUS', severity: 'medium', rule: 'DSP-5' },
  { code: 'PAYMENT_ANOMALY', severity: 'medium', rule: 'DSP-5' },
  { code: 'SERIAL_RETURNER', severity: 'medium', rule: 'DSP-5' },
  { code: 'NEGATIVE_REVIEW_TENDENCY', severity: 'medium', rule: 'REV-6' },
  { code: 'DISPUTE_RATE_HIGH', severity: 'high', rule: 'CMP-2' },
  { code: 'SLOW_FULFILLMENT_SHARE_HIGH', severity: 'high', rule: 'CMP-2' },
  { code: 'DSR_BELOW_CAMPAIGN_BAR', severity: 'high', rule: 'CMP-3' },
] as const satisfies readonly { code: string; severity: RiskSeverity; rule: string }[];

export type RiskCode = (typeof RISK_TYPE_TABLE)[number]['code'];

export interface RiskType {
  /** 1-17, the rulebook's number. */
  number: number;
  code: RiskCode;
  defaultSeverity: RiskSeverity;
  rule: string;
}

export const RISK_TYPES: readonly RiskType[] = Object.freeze(
  RISK_TYPE_TABLE.map((t, i) =>
    Object.freeze({ number: i + 1, code: t.code, defaultSeverity: t.severity, rule: t.rule }),
  ),
);

export const RISK_CODES: readonly RiskCode[] = Object.freeze(RISK_TYPES.map((t) => t.code));

const BY_CODE = new Map<string, RiskType>(RISK_TYPES.map((t) => [t.code, t]));

/** The type of a code of the table; null for anything else (a code no rule defines). */
export function riskTypeOf(code: string): RiskType | null {
  return BY_CODE.get(code) ?? null;
}

/** A filter value naming a type by code (`LOGISTICS_STALLED`) or by number (`6`); null if it names none. */
export function riskTypeNamed(value: string): RiskType | null {
  if (/^\d{1,2}$/.test(value)) return RISK_TYPES[Number(value) - 1] ?? null;
  return riskTypeOf(value);
}
