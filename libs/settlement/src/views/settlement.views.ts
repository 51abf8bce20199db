import type { FxQuote, SettlementOrder, Withdrawal } from '../domain';
import type {
  EntryResponse,
  FxQuoteResponse,
  SettlementOrderResponse,
  WithdrawalResponse,
} from './settlement.responses';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function withdrawalView(w: Withdrawal): WithdrawalResponse {
  return {
    id: w.id,
    storeId: w.storeId,
    amount: { minor: w.amountMinor.toString(), currency: w.currency },
    payout: { minor: w.payoutMinor.toString(), currency: w.payoutCurrency },
    rate: w.rate,
    quoteId: w.quoteId,
    exactPayout: w.exactPayout,
    roundingDifference: w.roundingDifference,
    status: w.status,
    requestedBy: w.requestedBy,
    requestedAt: w.requestedAt.toISOString(),
    settledAt: iso(w.settledAt),
    failureReason: w.failureReason,
    entryIds: w.entryIds,
  };
}

export function quoteView(q: FxQuote): FxQuoteResponse {
  return {
    id: q.id,
    storeId: q.storeId,
    from: q.fromCurrency,
    to: q.toCurrency,
    rate: q.rate,
    rateAsOf: q.rateAsOf.toISOString(),
    quotedAt: q.quotedAt.toISOString(),
    expiresAt: q.expiresAt.toISOString(),
    usedBy: q.usedBy,
  };
}

export function settlementOrderView(o: SettlementOrder, entries: EntryResponse[]): SettlementOrderResponse {
  const money = (minor: bigint) => ({ minor: minor.toString(), currency: o.currency });
  return {
    orderId: o.id,
    storeId: o.storeId,
    fundStatus: o.fundStatus,
    total: money(o.totalMinor),
    commission: money(o.commissionMinor - o.commissionRefundedMinor),
    refunded: money(o.refundedMinor),
    frozen: money(o.frozenMinor),
    released: money(o.releasedMinor),
    deliveredAt: iso(o.deliveredAt),
    reviewAt: iso(o.reviewAt),
    releaseAt: iso(o.releaseAt),
    reviewedAt: iso(o.reviewedAt),
    heldAt: iso(o.heldAt),
    holdReasons: o.holdReasons,
    decisions: o.decisions,
    releasedAt: iso(o.releasedAt),
    payoutCycleSeconds: o.payoutCycleSeconds,
    refunds: o.refunds,
    entries,
  };
}
