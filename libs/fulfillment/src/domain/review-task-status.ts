/** FUL-4: abnormal-logistics pool (异常物流监控池) task; FUL-5: logistics-proof review. */
export const REVIEW_TASK_KINDS = ['ABNORMAL_LOGISTICS', 'LOGISTICS_PROOF'] as const;

export type ReviewTaskKind = (typeof REVIEW_TASK_KINDS)[number];

export const REVIEW_TASK_STATUSES = [
  'OPEN',
  'ACCEPTED',
  'REJECTED',
  'FAKE_SHIPMENT_CONFIRMED',
  'CLOSED',
] as const;

export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];

/**
 * The review state machine as data (STYLE 4), per kind. Every decision leaves OPEN and is final.
 * A proof is accepted (FUL-5: track corrected) or rejected; an abnormal-logistics case is closed;
 * either can end as a confirmed fake shipment (FUL-6).
 */
export const REVIEW_TASK_TRANSITIONS: Readonly<
  Record<ReviewTaskKind, Readonly<Record<ReviewTaskStatus, readonly ReviewTaskStatus[]>>>
> = {
  LOGISTICS_PROOF: {
    OPEN: ['ACCEPTED', 'REJECTED', 'FAKE_SHIPMENT_CONFIRMED'],
    ACCEPTED: [],
    REJECTED: [],
    FAKE_SHIPMENT_CONFIRMED: [],
    CLOSED: [],
  },
  ABNORMAL_LOGISTICS: {
    OPEN: ['FAKE_SHIPMENT_CONFIRMED', 'CLOSED'],
    ACCEPTED: [],
    REJECTED: [],
    FAKE_SHIPMENT_CONFIRMED: [],
    CLOSED: [],
  },
};

export function canMoveReviewTask(
  kind: ReviewTaskKind,
  from: ReviewTaskStatus,
  to: ReviewTaskStatus,
): boolean {
  return REVIEW_TASK_TRANSITIONS[kind][from].includes(to);
}
