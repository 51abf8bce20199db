import { ComplianceEvents, type SellerAccountStatusChangedV1 } from '@tradehub/compliance/contract';
import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import { ClosedSellerRepository } from '../database/closed-sellers.repository';

/** CMP-4: Fulfillment keeps which sellers Compliance closed, so their orders confirm no shipment. */
export function sellerAccountReaction(
  topic: string,
  database: UnitOfWork,
  sellers: ClosedSellerRepository,
): EventHandler {
  return {
    consumer: 'fulfillment.seller-account-status',
    topic,
    database,
    types: [ComplianceEvents.SellerAccountStatusChanged],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const data = event.data as unknown as SellerAccountStatusChangedV1;
      const storeIds = Array.isArray(data.storeIds) ? data.storeIds.map(String) : [];
      const change = { sellerId: data.sellerId, closed: data.closed, storeIds, reason: data.reason };
      if (!(await sellers.record(tx, change, new Date(data.changedAt)))) return;
      tx.audit({
        action: data.closed ? 'fulfillment.seller-account-closed' : 'fulfillment.seller-account-reopened',
        subjectType: 'seller-account',
        subjectId: data.sellerId,
        changes: {
          closed: { from: !data.closed, to: data.closed },
          storeIds: { from: null, to: storeIds },
          reason: { from: null, to: data.reason },
        },
      });
    },
  };
}
