import { ConflictError, NotFoundError, RuleViolation } from '@tradehub/kernel';

export const requestNotFound = () => new NotFoundError('REQUEST_NOT_FOUND', 'no such refund request');

export const orderNotFound = () => new NotFoundError('ORDER_NOT_FOUND', 'no such order');

export const orderNotShipped = (status: string) =>
  new RuleViolation(
    'ORDER_NOT_SHIPPED',
    `the order is ${status}: a refund request needs a shipped or delivered order; before shipment the buyer cancels (ORD-5)`,
    'orderId',
  );

export const requestAlreadyOpen = () =>
  new ConflictError(
    'REQUEST_ALREADY_OPEN',
    'the order already has an open refund request; it must close before another is made',
    'orderId',
  );

export const marketplaceIdReused = () =>
  new ConflictError(
    'REQUEST_ID_REUSED',
    'this marketplace request id was already used for another order, kind or amount',
    'requestId',
  );

export const exceedsRefundable = (refundable: bigint, currency: string) =>
  new RuleViolation(
    'AMOUNT_EXCEEDS_REFUNDABLE',
    `only ${refundable} minor units of ${currency} are still refundable on this order`,
    'amount.minor',
  );

export const notAwaiting = (what: string, status: string) =>
  new ConflictError('REQUEST_NOT_AWAITING', `the request is ${status}: it does not await ${what}`);

export const deadlinePassed = (what: string, due: Date) =>
  new ConflictError('DEADLINE_PASSED', `${what} was due before ${due.toISOString()}`);

export const requestClosed = () => new ConflictError('REQUEST_CLOSED', 'the request is closed');
