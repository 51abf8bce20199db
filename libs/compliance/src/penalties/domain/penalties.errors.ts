import { ConflictError, NotFoundError } from '@tradehub/kernel';

export const penaltyCaseNotFound = () => new NotFoundError('PENALTY_CASE_NOT_FOUND', 'no such penalty case');

/** CMP-4: a case is reversed once; a later decision would count its points back or twice. */
export const penaltyCaseAlreadyReversed = (reversedAt: Date, reversedBy: string) =>
  new ConflictError(
    'PENALTY_CASE_ALREADY_REVERSED',
    `the case was already reversed by ${reversedBy} at ${reversedAt.toISOString()}; its points no longer count`,
    'caseId',
  );

/**
 * The store of a confirmed case is not in the directory yet (its order-placed event is still on
 * its way). Not a domain error on purpose: the consumer fails and the event is delivered again.
 */
export class StoreOwnerNotKnownYet extends Error {
  constructor(readonly storeId: string) {
    super(`the seller of store ${storeId} is not known yet; the case is retried`);
  }
}
