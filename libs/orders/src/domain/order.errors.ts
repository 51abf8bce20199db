import { NotFoundError, RuleViolation } from '@tradehub/kernel';

export const orderNotFound = (): NotFoundError => new NotFoundError('ORDER_NOT_FOUND', 'No such order');

/** Orders of other storefronts (Shopify, independent sites) are not ours to manage. */
export const foreignStorefront = (channel: string): RuleViolation =>
  new RuleViolation(
    'FOREIGN_STOREFRONT_ORDER',
    `only this marketplace's own orders are managed; '${channel}' orders are out of scope`,
    'channel',
  );

export const illegalTransition = (from: string, to: string): RuleViolation =>
  new RuleViolation('ILLEGAL_ORDER_TRANSITION', `an order in ${from} cannot move to ${to}`, 'status');

/** Shipping a cancelled, closed or already shipped order. */
export const notShippable = (status: string): RuleViolation =>
  new RuleViolation('ORDER_NOT_SHIPPABLE', `an order in ${status} cannot be shipped`, 'orderId');
