import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Order, Page } from '../api/types';
import type {
  Balance,
  FrozenOrder,
  FxQuote,
  LedgerEntry,
  PayoutCycle,
  ReleaseSchedule,
  SettlementTimeline,
  Withdrawal,
} from './types';

/** The page's store filter: one store id, or '' for every store the person may see. */
export type StoreFilter = string;

const storeQuery = (storeId: StoreFilter) => ({ storeId: storeId || undefined });

export const loadBalances = (storeId: StoreFilter, signal: AbortSignal): Promise<Balance[]> =>
  api<Balance[]>('/v1/settlement/balances', { query: storeQuery(storeId), signal });

/** SET-3: what unfreezes on which UTC day, summed by Settlement over every frozen order. */
export const loadReleaseSchedule = (storeId: StoreFilter, signal: AbortSignal): Promise<ReleaseSchedule> =>
  api<ReleaseSchedule>('/v1/settlement/release-schedule', { query: storeQuery(storeId), signal });

export const loadPayoutCycle = (storeId: StoreFilter, signal: AbortSignal): Promise<PayoutCycle> =>
  api<PayoutCycle>('/v1/settlement/payout-cycle', { query: storeQuery(storeId), signal });

export interface LedgerFilter {
  storeId: StoreFilter;
  /** One order's entries; '' for all. */
  orderId: string;
}

export const loadLedgerPage = (
  filter: LedgerFilter,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<LedgerEntry>> =>
  api<Page<LedgerEntry>>('/v1/settlement/entries', {
    query: { ...storeQuery(filter.storeId), orderId: filter.orderId || undefined, limit, cursor },
    signal,
  });

export const loadWithdrawalPage = (
  storeId: StoreFilter,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Withdrawal>> =>
  api<Page<Withdrawal>>('/v1/settlement/withdrawals', {
    query: { ...storeQuery(storeId), limit, cursor },
    signal,
  });

export const requestQuote = (storeId: string, from: string): Promise<FxQuote> =>
  api<FxQuote>('/v1/settlement/fx-quotes', { method: 'POST', body: { storeId, from } });

export const requestWithdrawal = (
  storeId: string,
  amount: { minor: string; currency: string },
  quoteId: string | null,
): Promise<Withdrawal> =>
  api<Withdrawal>('/v1/settlement/withdrawals', {
    method: 'POST',
    body: quoteId ? { storeId, amount, quoteId } : { storeId, amount },
  });

/**
 * Delivered orders whose money may still be frozen: Orders shows FUND_PROCESSING from delivery to
 * release, or an issue status while a refund request or dispute is open (IN_FROZEN is the
 * marketplace's own freeze). Settlement's fund status on the order then says which are frozen.
 */
const MAY_BE_FROZEN = 'FUND_PROCESSING,IN_ISSUE,WAIT_SELLER_EXAMINE_MONEY,IN_FROZEN';
const FROZEN_FUND_STATUSES = ['FROZEN', 'IN_REVIEW', 'HELD'];
/** The frozen orders' list reads this many candidate orders at most (one page), each timeline on its own. */
export const CALENDAR_ORDER_LIMIT = 200;
const PARALLEL_READS = 6;

export interface FrozenOrders {
  orders: FrozenOrder[];
  /** More candidate orders exist than were read. */
  truncated: boolean;
}

type ListedOrder = Order & { fundStatus?: string; deliveredAt?: string | null };

/**
 * The most recently paid frozen orders with their release instants, for the list under the calendar:
 * the orders list (delivered, fund status frozen, in review or held) and each order's settlement
 * timeline (exact frozen amount and the SET-3 release instant).
 */
export async function loadFrozenOrders(storeId: StoreFilter, signal: AbortSignal): Promise<FrozenOrders> {
  const page = await api<Page<ListedOrder>>('/v1/orders', {
    query: { ...storeQuery(storeId), status: MAY_BE_FROZEN, limit: CALENDAR_ORDER_LIMIT },
    signal,
  });
  const candidates = page.items.filter(
    (o) => o.deliveredAt && (o.fundStatus === undefined || FROZEN_FUND_STATUSES.includes(o.fundStatus)),
  );
  const orders: FrozenOrder[] = [];
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const order = candidates[next++];
      const timeline = await api<SettlementTimeline>(
        `/v1/settlement/orders/${encodeURIComponent(order.id)}`,
        { signal },
      ).catch((error: unknown) => {
        // Settlement hears of a delivery a moment after Orders does: not frozen yet.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
      if (timeline && FROZEN_FUND_STATUSES.includes(timeline.fundStatus))
        orders.push({ ...timeline, marketplaceOrderId: order.marketplaceOrderId });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, candidates.length) }, worker));
  return { orders, truncated: page.nextCursor !== null };
}
