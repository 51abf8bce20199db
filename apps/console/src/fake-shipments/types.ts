/** The parts of GET /v1/compliance/penalties and its appeal answer this page reads (OpenAPI at /docs). */

/** CMP-4: what an operator may decide on a seller's appeal of a case. */
export const APPEAL_OUTCOMES = ['REVERSED', 'UPHELD'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The server's limit on an appeal decision's reason (PenaltyAppealRequest). */
export const MAX_REASON_LENGTH = 1000;

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

/** One seller account: GET /v1/compliance/penalties items, and POST .../appeal's answer. */
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

/** GET /v1/packages/{packageId}: the case's tracking number (the case itself does not carry it). */
export interface PackageReference {
  id: string;
  carrierCode: string;
  trackingNumber: string;
}
