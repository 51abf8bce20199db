/** The appeal's choices and the package reference; the penalty accounts' types are in health/types.ts (the Health page reads them too). */

/** CMP-4: what an operator may decide on a seller's appeal of a case. */
export const APPEAL_OUTCOMES = ['REVERSED', 'UPHELD'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The server's limit on an appeal decision's reason (PenaltyAppealRequest). */
export const MAX_REASON_LENGTH = 1000;

/** GET /v1/packages/{packageId}: the case's tracking number (the case itself does not carry it). */
export interface PackageReference {
  id: string;
  carrierCode: string;
  trackingNumber: string;
}
