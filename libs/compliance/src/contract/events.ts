import type { RiskSeverity } from '@tradehub/kernel';

/**
 * The Compliance context's integration events, on topic `tradehub.compliance.v1`. Key = store id
 * for a store's standing and its board flags, seller id for a seller account's penalties. Instants
 * are ISO-8601 UTC strings; rates and scores are decimal strings (null: "not rated"). Changes are
 * additive.
 */
export const COMPLIANCE_CONTEXT = 'compliance';

export const ComplianceEvents = {
  SlaScoreChanged: 'tradehub.compliance.sla-score-changed',
  DowngradeWarningRaised: 'tradehub.compliance.downgrade-warning-raised',
  DowngradeWarningCleared: 'tradehub.compliance.downgrade-warning-cleared',
  CampaignEligibilityChanged: 'tradehub.compliance.campaign-eligibility-changed',
  PenaltyCaseRecorded: 'tradehub.compliance.penalty-case-recorded',
  PenaltyCaseReversed: 'tradehub.compliance.penalty-case-reversed',
  SellerAccountStatusChanged: 'tradehub.compliance.seller-account-status-changed',
  BoardFlagRaised: 'tradehub.compliance.board-flag-raised',
  BoardFlagCleared: 'tradehub.compliance.board-flag-cleared',
} as const;
export type ComplianceEventType = (typeof ComplianceEvents)[keyof typeof ComplianceEvents];

/** CMP-1: one part of the SLA score, with everything that explains its contribution. */
export interface SlaScorePartV1 {
  /** DISPUTE_RATE, CANCELLATION_RATE, ABNORMAL_LOGISTICS_RATE, ON_TIME_SHIPMENT_RATE, DSR_MEAN, POSITIVE_RATE. */
  metric: string;
  /** The metric over the window (a rate 0..1 with six places, or a DSR mean); null = not rated. */
  value: string | null;
  /** 0-100 with two places, linear between the part's best and worst values and clamped. */
  subScore: string | null;
  weight: number;
  /** weight × sub-score / 100, two places. */
  contribution: string | null;
}

/** CMP-1: a store's SLA score over the window moved (or became "not rated"). */
export interface SlaScoreChangedV1 {
  storeId: string;
  asOf: string;
  windowDays: number;
  /** 0-100 with two places; null: no orders in the window ("not rated"). */
  score: string | null;
  parts: SlaScorePartV1[];
}

/** CMP-2's three bars. */
export const DOWNGRADE_WARNINGS = ['SLOW_FULFILLMENT_SHARE', 'DISPUTE_RATE', 'POSITIVE_RATE'] as const;
export type DowngradeWarningCode = (typeof DOWNGRADE_WARNINGS)[number];

/** CMP-2: a store crossed a downgrade bar over the window (raised once, until cleared). */
export interface DowngradeWarningRaisedV1 {
  storeId: string;
  warning: DowngradeWarningCode;
  /** The metric's value over the window (six places). */
  value: string;
  /** The bar it crossed (six places); `above`: the warning is for values above the bar. */
  bar: string;
  above: boolean;
  windowDays: number;
  raisedAt: string;
}

/** CMP-2: the metric is back on the right side of the bar (or not rated any more). */
export interface DowngradeWarningClearedV1 {
  storeId: string;
  warning: DowngradeWarningCode;
  value: string | null;
  bar: string;
  clearedAt: string;
}

/** CMP-3: why a store may not register for a major campaign. */
export interface IneligibilityReasonV1 {
  /** DSR_BELOW_BAR (with `dimension`) or ACCOUNT_CLOSED. */
  code: string;
  dimension?: string;
  value?: string;
  bar?: string;
  message: string;
}

/** CMP-3: a store's campaign eligibility changed. */
export interface CampaignEligibilityChangedV1 {
  storeId: string;
  sellerId: string | null;
  eligible: boolean;
  reasons: IneligibilityReasonV1[];
  asOf: string;
}

/** CMP-4: a confirmed fake-shipment case (FUL-6) cost the seller penalty points. */
export interface PenaltyCaseRecordedV1 {
  caseId: string;
  sellerId: string;
  storeId: string;
  orderId: string;
  /** Fulfillment's review task / case reference. */
  reference: string;
  points: number;
  /** The seller's points and counted cases after this one. */
  totalPoints: number;
  countedCases: number;
  recordedAt: string;
}

/** CMP-4: an operator's appeal decision reversed a case (a reversing entry; the case stays on record). */
export interface PenaltyCaseReversedV1 {
  caseId: string;
  sellerId: string;
  storeId: string;
  points: number;
  totalPoints: number;
  countedCases: number;
  reason: string;
  decidedBy: string;
  reversedAt: string;
}

/**
 * CMP-4: a seller account was closed (the second counted case) or reopened (an appeal left fewer).
 * A closed seller's stores take no new orders, confirm no shipments and pass no campaign gate;
 * refunds, disputes and settlement of past orders go on.
 */
export interface SellerAccountStatusChangedV1 {
  sellerId: string;
  closed: boolean;
  reason: string;
  /** The stores Compliance has seen for the seller. */
  storeIds: string[];
  changedAt: string;
}

/**
 * CMP-5: a flag landed on the board (from any context, or Compliance's own 15-17). A flag is one
 * per (code, store, order, package) while open; when an open flag is raised again with a higher
 * severity this is published again under the same `flagId` with the new severity and reason
 * (read it as an upsert by `flagId`).
 */
export interface BoardFlagRaisedV1 {
  flagId: string;
  /** 1-17, the rulebook's risk table. */
  riskType: number;
  code: string;
  severity: RiskSeverity;
  storeId: string;
  orderId: string | null;
  packageId: string | null;
  reason: string;
  /** The context that raised it. */
  source: string;
  raisedAt: string;
}

/** CMP-5: a flag on the board was cleared (by its context, or by Compliance). */
export interface BoardFlagClearedV1 {
  flagId: string;
  riskType: number;
  code: string;
  storeId: string;
  orderId: string | null;
  packageId: string | null;
  reason: string;
  clearedAt: string;
}
