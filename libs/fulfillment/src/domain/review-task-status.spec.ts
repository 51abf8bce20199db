import {
  canMoveReviewTask,
  REVIEW_TASK_KINDS,
  REVIEW_TASK_STATUSES,
  REVIEW_TASK_TRANSITIONS,
  ReviewTaskKind,
  ReviewTaskStatus,
} from './review-task-status';

/** Every allowed move per kind, written out once so a change to the table is a visible change here. */
const ALLOWED: [ReviewTaskKind, ReviewTaskStatus, ReviewTaskStatus][] = [
  ['ABNORMAL_LOGISTICS', 'OPEN', 'FAKE_SHIPMENT_CONFIRMED'],
  ['ABNORMAL_LOGISTICS', 'OPEN', 'CLOSED'],
  ['LOGISTICS_PROOF', 'OPEN', 'ACCEPTED'],
  ['LOGISTICS_PROOF', 'OPEN', 'REJECTED'],
  ['LOGISTICS_PROOF', 'OPEN', 'FAKE_SHIPMENT_CONFIRMED'],
];

const allMoves = REVIEW_TASK_KINDS.flatMap((kind) =>
  REVIEW_TASK_STATUSES.flatMap((from) => REVIEW_TASK_STATUSES.map((to) => [kind, from, to] as const)),
);

describe('review task state machine', () => {
  it.each(allMoves)('FUL-4/FUL-5: a %s task may go %s -> %s only if listed', (kind, from, to) => {
    const listed = ALLOWED.some(([k, f, t]) => k === kind && f === from && t === to);
    expect(canMoveReviewTask(kind, from, to)).toBe(listed);
  });

  it('FUL-5: every decision is final', () => {
    for (const kind of REVIEW_TASK_KINDS) {
      for (const status of REVIEW_TASK_STATUSES.filter((s) => s !== 'OPEN')) {
        expect(REVIEW_TASK_TRANSITIONS[kind][status]).toEqual([]);
      }
    }
  });
});
