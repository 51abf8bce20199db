import type { Money } from '../format/money';

/** The parts of Settlement's API answers the Money page reads (see the OpenAPI document at /docs). */

/** GET /v1/settlement/balances: one store's accounts in one currency, signed minor units. */
export interface Balance {
  storeId: string;
  currency: string;
  /** SET-1: delivered, not yet released. */
  frozen: string;
  /** SET-3/5: released; negative is a debt later releases pay first. */
  available: string;
  /** SET-4: withdrawn, not yet paid out. */
  payoutInTransit: string;
}

/** GET /v1/settlement/entries: a ledger entry with its postings (SET-6). */
export interface LedgerEntry {
  id: string;
  seq: string;
  idempotencyKey: string;
  kind: string;
  storeId: string | null;
  orderId: string | null;
  currency: string;
  occurredAt: string;
  reversesEntryId: string | null;
  metadata: Record<string, unknown>;
  /** `account` is `<store id or platform>:<kind>`; amounts are signed minor units, credit positive. */
  postings: { account: string; amount: string; balanceAfter: string }[];
}

/** GET /v1/settlement/withdrawals (SET-4). */
export interface Withdrawal {
  id: string;
  storeId: string;
  amount: Money;
  payout: Money;
  rate: string | null;
  quoteId: string | null;
  exactPayout: string | null;
  roundingDifference: string | null;
  status: string;
  requestedBy: string;
  requestedAt: string;
  settledAt: string | null;
  failureReason: string | null;
  entryIds: string[];
}

/** POST /v1/settlement/fx-quotes: the treasury rate to CNY, no spread, until it expires (SET-4). */
export interface FxQuote {
  id: string;
  storeId: string;
  from: string;
  to: string;
  /** Units of `to` per unit of `from`, an exact decimal string. */
  rate: string;
  rateAsOf: string;
  quotedAt: string;
  expiresAt: string;
  usedBy: string | null;
}

/** GET /v1/settlement/payout-cycle (SET-7). */
export interface PayoutCycle {
  averageDays: number | null;
  releasedOrders: number;
}

/** The part of GET /v1/settlement/orders/{id} the release calendar reads (SET-1..3). */
export interface SettlementTimeline {
  orderId: string;
  storeId: string;
  fundStatus: string;
  frozen: Money;
  deliveredAt: string | null;
  reviewAt: string | null;
  releaseAt: string | null;
  holdReasons: string[];
}

/** One order whose proceeds are frozen now, as the release calendar lists it. */
export interface FrozenOrder extends SettlementTimeline {
  marketplaceOrderId: string;
}

/** GET /v1/settlement/release-schedule (SET-3). */
export interface ReleaseSchedule {
  /** Per UTC day and currency, earliest first; `releaseAt` is the day's earliest release instant. */
  days: { day: string; releaseAt: string; amount: Money; orders: number }[];
  /** What held reviews keep frozen, per currency: no release day until an operator decides. */
  held: { amount: Money; orders: number }[];
}
