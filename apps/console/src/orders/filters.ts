import type { Query } from '../api/client';
import { startOfLocalDay, startOfNextLocalDay } from '../format/time';

/** The filters above the tabs, as the inputs hold them. */
export interface OrderFilters {
  storeId: string;
  /** Only the stores of this main account (主账号). */
  mainAccountId: string;
  /** yyyy-mm-dd, inclusive, in the browser's time zone. */
  paidFrom: string;
  /** yyyy-mm-dd, inclusive, in the browser's time zone. */
  paidTo: string;
}

export const NO_FILTERS: OrderFilters = { storeId: '', mainAccountId: '', paidFrom: '', paidTo: '' };

/** The list's query: days become instants, the "to" day counted whole (the API's bound is exclusive). */
export function listQuery(filters: OrderFilters): Query {
  return {
    storeId: filters.storeId.trim() || undefined,
    mainAccountId: filters.mainAccountId.trim() || undefined,
    paidFrom: filters.paidFrom ? startOfLocalDay(filters.paidFrom) : undefined,
    paidTo: filters.paidTo ? startOfNextLocalDay(filters.paidTo) : undefined,
  };
}
