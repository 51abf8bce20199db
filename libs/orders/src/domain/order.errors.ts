import { NotFoundError, RuleViolation } from '@tradehub/kernel';

export class OrderNotFound extends NotFoundError {
  constructor() {
    super('ORDER_NOT_FOUND', 'No such order');
  }
}

/** Orders of other storefronts (Shopify, independent sites) are not ours to manage. */
export class ForeignStorefrontOrder extends RuleViolation {
  constructor(channel: string) {
    super(
      'FOREIGN_STOREFRONT_ORDER',
      `only this marketplace's own orders are managed; '${channel}' orders are out of scope`,
      'channel',
    );
  }
}

export class IllegalOrderTransition extends RuleViolation {
  constructor(from: string, to: string) {
    super('ILLEGAL_ORDER_TRANSITION', `an order in ${from} cannot move to ${to}`, 'status');
  }
}

/** Shipping a cancelled, closed or already shipped order. */
export class OrderNotShippable extends RuleViolation {
  constructor(status: string) {
    super('ORDER_NOT_SHIPPABLE', `an order in ${status} cannot be shipped`, 'orderId');
  }
}

/** ORD-5: cancelling once a package shipped, or a closed order. */
export class OrderNotCancellable extends RuleViolation {
  constructor(status: string) {
    super(
      'ORDER_NOT_CANCELLABLE',
      `an order in ${status} can no longer be cancelled (it has shipped or closed)`,
      'status',
    );
  }
}

/** CMP-4: a closed seller account accepts no new orders (refunds and settlement of past ones go on). */
export class SellerAccountClosed extends RuleViolation {
  constructor(readonly sellerId: string) {
    super(
      'SELLER_ACCOUNT_CLOSED',
      `seller ${sellerId}'s account is closed (CMP-4): it takes no new orders`,
      'sellerId',
    );
  }
}
