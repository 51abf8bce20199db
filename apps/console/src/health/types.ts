import type { Money } from '../format/money';

/** The parts of the compliance API's answers the Health page reads (see the OpenAPI document at /docs). */

/** CMP-1: one part of the SLA score; decimal strings, null = not rated. */
export interface SlaPart {
  metric: string;
  /** A rate 0..1 with six places, or the DSR mean. */
  value: string | null;
  /** 0-100, two places. */
  subScore: string | null;
  weight: number;
  /** What the part adds to the score, two places; the rated parts' contributions add up to it. */
  contribution: string | null;
}

/** CMP-2: an open downgrade warning. */
export interface DowngradeWarning {
  warning: string;
  value: string;
  bar: string;
  raisedAt: string;
}

/** CMP-3: why a store may not register for a major campaign. */
export interface IneligibilityReason {
  code: string;
  dimension?: string;
  value?: string;
  bar?: string;
  /** The server's English sentence, shown for a code the console does not know. */
  message: string;
}

/** GET /v1/compliance/standing: one store's standing as last computed. */
export interface StoreStanding {
  storeId: string;
  /** Null: nothing counted for the store yet. */
  asOf: string | null;
  /** 0-100, two places; null: not rated. */
  score: string | null;
  parts: SlaPart[];
  warnings: DowngradeWarning[];
  eligible: boolean;
  reasons: IneligibilityReason[];
}

/** GET /v1/compliance/standing/{storeId}/history: the day's last computation. */
export interface ScoreDay {
  day: string;
  score: string | null;
  parts: SlaPart[];
}

/** ANA-1: the 12 core metrics (and SET-7's payout cycle) of a window or a day. */
export interface TradeMetrics {
  orders: number;
  gmv: Money[];
  /** USD minor units at each day's stored rate; null when a rate is missing. */
  gmvUsdMinor: string | null;
  averageOrderValue: Money[];
  cancellationRate: string | null;
  refundRate: string | null;
  disputeRate: string | null;
  onTimeShipmentRate: string | null;
  averageShipSeconds: number | null;
  slowFulfillmentShare: string | null;
  abnormalLogisticsRate: string | null;
  positiveRate: string | null;
  dsr: { itemAsDescribed: string | null; communication: string | null; shippingSpeed: string | null };
  averagePayoutCycleSeconds: number | null;
}

export interface TradeMetricsDay extends TradeMetrics {
  /** UTC day, yyyy-mm-dd. */
  day: string;
}

/** GET /v1/compliance/trade-analysis. */
export interface TradeAnalysis {
  from: string;
  to: string;
  windowDays: number;
  stores: string[];
  totals: TradeMetrics;
  byStore: { storeId: string; totals: TradeMetrics }[];
  /** Every day of the window, oldest first. */
  series: TradeMetricsDay[];
}

/** GET /v1/compliance/risk-board/counts: all 17 types in the rulebook's order, 0 included. */
export interface BoardCounts {
  open: number;
  types: { riskType: number; code: string; open: number }[];
}

/** CMP-5: one flag on the risk board. */
export interface BoardFlag {
  id: string;
  riskType: number;
  code: string;
  severity: string;
  storeId: string;
  orderId: string | null;
  packageId: string | null;
  reason: string;
  source: string;
  status: 'open' | 'cleared';
  raisedAt: string;
  clearedAt: string | null;
  clearReason: string | null;
}

/** One operator decision on an appeal, oldest first on its case. */
export interface PenaltyAppeal {
  outcome: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** CMP-4, FUL-6: a confirmed fake shipment on a seller account, with its references. */
export interface PenaltyCase {
  caseId: string;
  storeId: string;
  orderId: string;
  packageId: string;
  /** Fulfillment's review task that confirmed the fake shipment. */
  taskId: string;
  points: number;
  /** The reviewer's reason. */
  reason: string;
  confirmedBy: string;
  confirmedAt: string;
  recordedAt: string;
  /** False once an appeal reversed it: the case stays on record, uncounted. */
  counted: boolean;
  reversedAt: string | null;
  reversedBy: string | null;
  reversalReason: string | null;
  appeals: PenaltyAppeal[];
}

/**
 * One seller account: GET /v1/compliance/penalties items (the Health page's and the operators'
 * fake-shipment cases page's), and POST .../appeal's answer.
 */
export interface SellerPenalties {
  sellerId: string;
  storeIds: string[];
  points: number;
  countedCases: number;
  /** PENALTY_CASES_TO_CLOSE: counted cases that close the account. */
  casesToClose: number;
  closed: boolean;
  closedAt: string | null;
  cases: PenaltyCase[];
}
