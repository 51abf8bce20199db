import { useCallback } from 'react';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { useCursorPages, type Pages } from '../common/useCursorPages';
import type { RefundRequest } from './types';

const PAGE_SIZE = 50;

export type ArbitrationQueue = Pages<RefundRequest> & {
  /** Takes a decided case out of the list without asking the server again. */
  remove: (requestId: string) => void;
};

/**
 * DSP-4: the escalated requests awaiting a decision, oldest first as the API lists them, a page at
 * a time. `enabled` false: nothing is asked (not yet known who is signed in, or not an operator).
 */
export function useArbitrationQueue(enabled: boolean): ArbitrationQueue {
  const pages = useCursorPages(enabled ? 'arbitration-queue' : null, (cursor, signal) =>
    api<Page<RefundRequest>>('/v1/disputes/arbitration-queue', {
      query: { limit: PAGE_SIZE, cursor },
      signal,
    }),
  );
  const { edit } = pages;
  const remove = useCallback(
    (requestId: string) => edit((cases) => cases.filter((c) => c.id !== requestId)),
    [edit],
  );
  return { ...pages, remove };
}
