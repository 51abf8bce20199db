import { defineEntity, p } from '@mikro-orm/postgresql';
import { FxQuote, type HoldDecision, type RefundRecord, SettlementOrder, Withdrawal } from '../domain';

const instant = () => p.datetime().columnType('timestamptz');
const minor = () => p.bigint('bigint');

/** `settlement.settlement_orders`: one order's money from delivery to release. */
export const SettlementOrderEntity = defineEntity({
  class: SettlementOrder,
  tableName: 'settlement_orders',
  schema: 'settlement',
  properties: {
    id: p.uuid().primary(),
    storeId: p.text(),
    sellerId: p.text(),
    currency: p.string().length(3),
    totalMinor: minor(),
    commissionMinor: minor(),
    refundedMinor: minor(),
    commissionRefundedMinor: minor(),
    frozenMinor: minor(),
    releasedMinor: minor(),
    fundStatus: p.text(),
    deliveredAt: instant().nullable(),
    reviewAt: instant().nullable(),
    releaseAt: instant().nullable(),
    reviewedAt: instant().nullable(),
    heldAt: instant().nullable(),
    holdReasons: p.json<string[]>(),
    decisions: p.json<HoldDecision[]>(),
    releasedAt: instant().nullable(),
    payoutCycleSeconds: p.integer().nullable(),
    refunds: p.json<RefundRecord[]>(),
    version: p.integer().version(),
  },
});

/** `settlement.withdrawals`: SET-4 payouts. */
export const WithdrawalEntity = defineEntity({
  class: Withdrawal,
  tableName: 'withdrawals',
  schema: 'settlement',
  properties: {
    id: p.uuid().primary(),
    storeId: p.text(),
    currency: p.string().length(3),
    amountMinor: minor(),
    payoutCurrency: p.string().length(3),
    payoutMinor: minor(),
    rate: p.text().nullable(),
    quoteId: p.uuid().nullable(),
    exactPayout: p.text().nullable(),
    roundingDifference: p.text().nullable(),
    status: p.text(),
    requestedBy: p.text(),
    requestedAt: instant(),
    settledAt: instant().nullable(),
    failureReason: p.text().nullable(),
    entryIds: p.json<string[]>(),
    version: p.integer().version(),
  },
});

/** `settlement.fx_quotes`: SET-4 quotes, used once. */
export const FxQuoteEntity = defineEntity({
  class: FxQuote,
  tableName: 'fx_quotes',
  schema: 'settlement',
  properties: {
    id: p.uuid().primary(),
    storeId: p.text(),
    fromCurrency: p.string().length(3),
    toCurrency: p.string().length(3),
    rate: p.text(),
    rateAsOf: instant(),
    quotedAt: instant(),
    expiresAt: instant(),
    usedBy: p.uuid().nullable(),
    version: p.integer().version(),
  },
});
