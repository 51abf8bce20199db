/** CMP-4: what an operator may decide on a seller's appeal of a case. */
export const APPEAL_OUTCOMES = ['REVERSED', 'UPHELD'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** One operator decision on an appeal, kept in order on its case. */
export interface AppealDecision {
  outcome: AppealOutcome;
  reason: string;
  decidedBy: string;
  decidedAt: Date;
}

/** FUL-6 as Fulfillment reports it: a reviewer confirmed a fake shipment (虚假发货) of one package. */
export interface ConfirmedFakeShipment {
  storeId: string;
  orderId: string;
  packageId: string;
  /** Fulfillment's review task that confirmed it: the case's reference over there. */
  taskId: string;
  reason: string;
  confirmedBy: string;
  confirmedAt: Date;
}

/**
 * CMP-4: one confirmed fake-shipment case on a seller account. It stays on record for the account's
 * life; a reversal marks it (a reversing entry) and its points stop counting.
 */
export interface PenaltyCase extends ConfirmedFakeShipment {
  caseId: string;
  points: number;
  recordedAt: Date;
  /** Every appeal decision, oldest first (UPHELD ones change nothing else). */
  appeals: AppealDecision[];
  reversedAt: Date | null;
  reversedBy: string | null;
  reversalReason: string | null;
}

export const isCounted = (c: PenaltyCase): boolean => c.reversedAt === null;
