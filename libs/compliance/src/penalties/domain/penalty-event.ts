import type { DomainEvent } from '@tradehub/kernel';
import { COMPLIANCE_CONTEXT } from '../../contract/events';

/** One penalty event of this context: subject `seller/<sellerId>`, key the seller id, so one account's events stay in order. */
export function penaltyEvent<P extends object>(
  type: string,
  sellerId: string,
  now: Date,
  payload: P,
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: COMPLIANCE_CONTEXT,
    aggregateType: 'seller',
    aggregateId: sellerId,
    occurredAt: now,
    payload,
  };
}
