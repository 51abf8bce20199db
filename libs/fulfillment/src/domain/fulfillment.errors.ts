import { ConflictError, NotFoundError, RuleViolation } from '@tradehub/kernel';

export const packageNotFound = (): NotFoundError => new NotFoundError('PACKAGE_NOT_FOUND', 'No such package');

export const reviewTaskNotFound = (): NotFoundError =>
  new NotFoundError('REVIEW_TASK_NOT_FOUND', 'No such review task');

/** FUL-5: one proof at a time per package; the open one is reviewed first. */
export const proofReviewPending = (): ConflictError =>
  new ConflictError(
    'PROOF_REVIEW_PENDING',
    'a logistics proof for this package is already under review',
    'file',
  );

export const reviewTaskAlreadyDecided = (status: string): RuleViolation =>
  new RuleViolation('REVIEW_TASK_ALREADY_DECIDED', `the task was already decided: ${status}`);

export const reviewDecisionNotAllowed = (kind: string, decision: string): RuleViolation =>
  new RuleViolation('REVIEW_DECISION_NOT_ALLOWED', `a ${kind} task cannot end as ${decision}`, 'decision');
