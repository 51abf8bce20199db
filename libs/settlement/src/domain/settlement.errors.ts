import { ConflictError, RuleViolation } from '@tradehub/kernel';

export const refundExceedsRefundable = (refundable: bigint, currency: string) =>
  new RuleViolation(
    'REFUND_EXCEEDS_REFUNDABLE',
    `only ${refundable} minor units of ${currency} are still refundable on this order`,
    'amount',
  );

export const refundIdReused = () =>
  new ConflictError(
    'REFUND_ID_REUSED',
    'this refund id was already posted with another amount or currency',
    'refundId',
  );

export const reviewNotHeld = (status: string) =>
  new ConflictError(
    'REVIEW_NOT_HELD',
    `the review is not held (fund status ${status}); there is nothing to decide`,
  );
