import { ComplianceEvents, type SellerAccountStatusChangedV1 } from '@tradehub/compliance/contract';
import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import { ClosedSellerRepository } from '../database/closed-sellers.repository';

/** CMP-4: Orders keeps which sellers Compliance closed, so their new paid orders are refused at ingest. */
export function sellerAccountReaction(
  topic: string,
  database: UnitOfWork,
  sellers: ClosedSellerRepository,
): EventHandler {
  return {
    consumer: 'orders.seller-account-status',
    topic,
    database,
    types: [ComplianceEvents.SellerAccountStatusChanged],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      const data = event.data as unknown as SellerAccountStatusChangedV1;
      const at = new Date(data.changedAt);
      if (!(await sellers.record(tx, data.sellerId, data.closed, data.reason, at))) return;
      tx.audit({
        action: data.closed ? 'orders.seller-account-closed' : 'orders.seller-account-reopened',
        subjectType: 'seller-account',
        subjectId: data.sellerId,
        changes: { closed: { from: !data.closed, to: data.closed }, reason: { from: null, to: data.reason } },
      });
    },
  };
}
