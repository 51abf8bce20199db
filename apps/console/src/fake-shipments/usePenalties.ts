import { useCallback } from 'react';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { useCursorPages, type Pages } from '../common/useCursorPages';
import type { SellerPenalties } from '../health/types';

const PAGE_SIZE = 50;

export type PenaltyAccounts = Pages<SellerPenalties> & {
  /** Puts an account as an appeal decision answered it in place of the one loaded. */
  replace: (account: SellerPenalties) => void;
};

/**
 * The seller accounts with a fake-shipment case (GET /v1/compliance/penalties, ordered by seller id), a page at a time;
 * `storeId` narrows it to that store's seller. `storeId` null: not yet (the caller waits to know
 * who is signed in).
 */
export function usePenalties(storeId: string | null): PenaltyAccounts {
  const pages = useCursorPages(storeId === null ? null : `store:${storeId}`, (cursor, signal) =>
    api<Page<SellerPenalties>>('/v1/compliance/penalties', {
      // Only sellers with a case: the others have nothing to work on here.
      query: { storeId, withCases: 'true', limit: PAGE_SIZE, cursor },
      signal,
    }),
  );
  const { edit } = pages;
  const replace = useCallback(
    (account: SellerPenalties) =>
      edit((accounts) => accounts.map((a) => (a.sellerId === account.sellerId ? account : a))),
    [edit],
  );
  return { ...pages, replace };
}
