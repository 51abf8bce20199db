import { api } from '../api/client';
import type { Page } from '../api/types';
import type {
  BoardCounts,
  BoardFlag,
  ScoreDay,
  SellerPenalties,
  StoreStanding,
  TradeAnalysis,
} from './types';

/** The store the page shows; '' means every store the caller may see. */
const storeQuery = (storeId: string) => ({ storeId: storeId || undefined });

export const loadStanding = (storeId: string, signal: AbortSignal): Promise<StoreStanding[]> =>
  api<StoreStanding[]>('/v1/compliance/standing', { query: storeQuery(storeId), signal });

export const loadScoreHistory = (storeId: string, signal: AbortSignal): Promise<ScoreDay[]> =>
  api<ScoreDay[]>(`/v1/compliance/standing/${encodeURIComponent(storeId)}/history`, { signal });

export const loadTradeAnalysis = (storeId: string, signal: AbortSignal): Promise<TradeAnalysis> =>
  api<TradeAnalysis>('/v1/compliance/trade-analysis', { query: storeQuery(storeId), signal });

export const loadBoardCounts = (storeId: string, signal: AbortSignal): Promise<BoardCounts> =>
  api<BoardCounts>('/v1/compliance/risk-board/counts', { query: storeQuery(storeId), signal });

export interface FlagFilters {
  type: string;
  severity: string;
}

/** How many flags one page of the list asks for. */
export const FLAG_PAGE = 50;

export const loadOpenFlags = (
  storeId: string,
  filters: FlagFilters,
  cursor: string | null,
  signal: AbortSignal,
): Promise<Page<BoardFlag>> =>
  api<Page<BoardFlag>>('/v1/compliance/risk-board', {
    query: {
      ...storeQuery(storeId),
      status: 'open',
      type: filters.type || undefined,
      severity: filters.severity || undefined,
      cursor,
      limit: FLAG_PAGE,
    },
    signal,
  });

/** Every seller account behind the stores (a seller's staff see their own one). */
export async function loadPenalties(storeId: string, signal: AbortSignal): Promise<SellerPenalties[]> {
  const accounts: SellerPenalties[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<SellerPenalties> = await api<Page<SellerPenalties>>('/v1/compliance/penalties', {
      query: { ...storeQuery(storeId), cursor, limit: 100 },
      signal,
    });
    accounts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return accounts;
}
