import type { ReviewTaskKind } from './types';

export type ReviewDecision = 'ACCEPT' | 'REJECT' | 'CLOSE' | 'CONFIRM_FAKE_SHIPMENT';

/**
 * What a task of each kind may end as (the API's DecideReviewTaskRequest): a proof is accepted or
 * rejected (FUL-5), an abnormal-logistics case closed (FUL-4); either may be a fake shipment (FUL-6).
 */
export const DECISIONS_BY_KIND: Record<ReviewTaskKind, readonly ReviewDecision[]> = {
  LOGISTICS_PROOF: ['ACCEPT', 'REJECT', 'CONFIRM_FAKE_SHIPMENT'],
  ABNORMAL_LOGISTICS: ['CLOSE', 'CONFIRM_FAKE_SHIPMENT'],
};

export const REVIEW_KINDS: readonly ReviewTaskKind[] = ['LOGISTICS_PROOF', 'ABNORMAL_LOGISTICS'];

/** The reason's limit on the server (DecideReviewTaskRequest.reason). */
export const MAX_REASON_LENGTH = 1000;
