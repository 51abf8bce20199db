import { ConflictError, NotFoundError, RuleViolation } from '@tradehub/kernel';

export class PackageNotFound extends NotFoundError {
  constructor() {
    super('PACKAGE_NOT_FOUND', 'No such package');
  }
}

/** API-2: an order of a store outside the grant answers like a missing one. */
export class OrderNotFound extends NotFoundError {
  constructor() {
    super('ORDER_NOT_FOUND', 'No such order');
  }
}

export class ReviewTaskNotFound extends NotFoundError {
  constructor() {
    super('REVIEW_TASK_NOT_FOUND', 'No such review task');
  }
}

/** FUL-5: one proof at a time per package; the open one is reviewed first. */
export class ProofReviewPending extends ConflictError {
  constructor() {
    super('PROOF_REVIEW_PENDING', 'a logistics proof for this package is already under review', 'file');
  }
}

export class ReviewTaskAlreadyDecided extends RuleViolation {
  constructor(status: string) {
    super('REVIEW_TASK_ALREADY_DECIDED', `the task was already decided: ${status}`);
  }
}

export class ReviewDecisionNotAllowed extends RuleViolation {
  constructor(kind: string, decision: string) {
    super('REVIEW_DECISION_NOT_ALLOWED', `a ${kind} task cannot end as ${decision}`, 'decision');
  }
}

export class PackageAlreadyDelivered extends RuleViolation {
  constructor(field?: string) {
    super('PACKAGE_ALREADY_DELIVERED', 'a delivered package needs no track correction', field);
  }
}

/** FUL-2: the number does not match its carrier's pattern. */
export class TrackingNumberInvalid extends RuleViolation {
  constructor(carrierCode: string, field: string) {
    super('TRACKING_NUMBER_INVALID', `does not match the ${carrierCode} pattern`, field);
  }
}

/** FUL-2: the number is in use on an order of another buyer. */
export class TrackingNumberReused extends ConflictError {
  constructor(field: string) {
    super('TRACKING_NUMBER_REUSED', 'is already used on an order of another buyer', field);
  }
}

/**
 * A confirmation under a number this order already shipped, naming other lines: a success that
 * shipped nothing would leave those lines waiting (and the order going late), so it is refused.
 */
export class TrackingNumberCarriesOtherLines extends ConflictError {
  constructor(packageId: string, field = 'lines') {
    super(
      'TRACKING_NUMBER_CARRIES_OTHER_LINES',
      `this order already shipped package ${packageId} under this tracking number with other lines; ship these lines under a number of their own`,
      field,
    );
  }
}

/**
 * Shipping an order that no longer waits for shipment (cancelled, closed, fully shipped), as Orders
 * reports its status; Orders itself refuses the same when the two race.
 */
export class OrderNotShippable extends RuleViolation {
  constructor(status: string) {
    super('ORDER_NOT_SHIPPABLE', `an order in ${status} cannot be shipped`, 'orderId');
  }
}

/** CMP-4: a closed seller account ships nothing more; refunds, disputes and settlement of past orders go on. */
export class SellerAccountClosed extends RuleViolation {
  constructor(sellerId: string) {
    super(
      'SELLER_ACCOUNT_CLOSED',
      `seller ${sellerId}'s account is closed (CMP-4): its orders can no longer be shipped`,
      'orderId',
    );
  }
}
