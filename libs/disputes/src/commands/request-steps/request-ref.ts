import type { StoreScope, Tx } from '@tradehub/platform';
import type { RefundRequestRepository } from '../../database/refund-request.repository';
import { type RefundRequest, requestNotFound } from '../../domain';

/** A request named by tradehub's id (REST) or by the marketplace's request id (the buyers' topic). */
export type RequestRef = { id: string } | { marketplaceRequestId: string };

/** The request, locked; one of another store answers like a missing one (API-2). */
export async function loadRequest(
  tx: Tx,
  requests: RefundRequestRepository,
  ref: RequestRef,
  scope: StoreScope | null,
): Promise<RefundRequest> {
  const found =
    'id' in ref
      ? await requests.find(tx, ref.id)
      : await requests.findByMarketplaceId(tx, ref.marketplaceRequestId);
  if (!found || (scope && !scope.allows(found.storeId))) throw requestNotFound();
  return found;
}
