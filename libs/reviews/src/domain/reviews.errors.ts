import { ConflictError, NotFoundError, RuleViolation } from '@tradehub/kernel';

export const reviewNotFound = () => new NotFoundError('REVIEW_NOT_FOUND', 'no such review');

export const orderNotFound = () => new NotFoundError('ORDER_NOT_FOUND', 'no such order');

export const orderNotDelivered = (status: string) =>
  new RuleViolation(
    'ORDER_NOT_DELIVERED',
    `the order is ${status}: a review needs a delivered order (REV-1)`,
    'orderId',
  );

export const orderAlreadyReviewed = () =>
  new ConflictError('ORDER_ALREADY_REVIEWED', 'the order already has its one review (REV-1)', 'orderId');

export const reviewIdReused = () =>
  new ConflictError(
    'REVIEW_ID_REUSED',
    'this marketplace review id was already used with other content',
    'reviewId',
  );

export const replyExists = () =>
  new ConflictError('REPLY_EXISTS', 'the seller already replied to this review (REV-2)', 'text');
