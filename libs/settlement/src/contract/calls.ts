import { Command, Query } from '@nestjs/cqrs';
import type { ContractCalls } from '@tradehub/platform';

export interface PostRefundResult {
  refundId: string;
  orderId: string;
  /** The entry posted; null when the order was not yet delivered (nothing frozen yet). */
  entryId: string | null;
  /** `FROZEN` (before release), `AVAILABLE` (after), or `NOT_FROZEN_YET`. */
  takenFrom: string;
}

/**
 * SET-5: a refund to the buyer of `amountMinor` (decimal string of minor units in the order's
 * currency). Before release it comes out of frozen funds, after release out of the available
 * balance, which may go negative. Idempotent on `refundId`: a repeat answers the first result; the
 * same id with another amount is refused. Refused beyond what is still refundable on the order.
 */
export class PostRefundCommand extends Command<PostRefundResult> {
  constructor(
    readonly refundId: string,
    readonly orderId: string,
    readonly amountMinor: string,
    readonly currency: string,
  ) {
    super();
  }
}

/**
 * SET-2: a buyer's refund request or dispute on the order opened (`open`) or ended. While any is
 * open, the day-5 review (and a day-7 release) holds the money. Idempotent per issue id.
 */
export class RecordOrderIssueCommand extends Command<void> {
  constructor(
    readonly issueId: string,
    readonly orderId: string,
    readonly open: boolean,
  ) {
    super();
  }
}

/** SET-2, CMP-4: a seller account was closed (or reopened); a closed seller's reviews hold. */
export class RecordSellerAccountCommand extends Command<void> {
  constructor(
    readonly sellerId: string,
    readonly closed: boolean,
    readonly reason: string,
  ) {
    super();
  }
}

export interface OrderRefunds {
  orderId: string;
  /** Minor units refunded on the order so far, by anyone (a decimal string). */
  refundedMinor: string;
  currency: string;
}

/** SET-5: what Settlement has refunded on an order so far; null when it does not follow the order yet (nothing refunded). */
export class GetOrderRefundsQuery extends Query<OrderRefunds | null> {
  constructor(readonly orderId: string) {
    super();
  }
}

/** One day's amount in one currency (a day is a UTC date, YYYY-MM-DD). */
export interface DailyAmount {
  day: string;
  currency: string;
  /** Integer minor units as a decimal string. */
  minor: string;
}

/**
 * ANA-1: each amount in USD minor units (a decimal string) at the rate in effect at the end of its day
 * (a direct rate to USD, or both currencies' rates to CNY); null where no rate was recorded by then.
 */
export class DailyAmountsInUsdQuery extends Query<(string | null)[]> {
  constructor(readonly amounts: DailyAmount[]) {
    super();
  }
}

/** The calls Settlement offers other contexts, by wire name (in-process or through Kafka). */
export const SETTLEMENT_CALLS: ContractCalls = {
  context: 'settlement',
  calls: {
    'settlement.post-refund': PostRefundCommand,
    'settlement.record-order-issue': RecordOrderIssueCommand,
    'settlement.record-seller-account': RecordSellerAccountCommand,
    'settlement.get-order-refunds': GetOrderRefundsQuery,
    'settlement.daily-amounts-in-usd': DailyAmountsInUsdQuery,
  },
};
