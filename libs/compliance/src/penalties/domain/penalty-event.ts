import type { DomainEvent } from '@tradehub/kernel';
import { complianceEvent } from '../../domain/compliance-event';

/** One penalty event of this context: subject `seller/<sellerId>`, key the seller id, so one account's events stay in order. */
export function penaltyEvent<P extends object>(
  type: string,
  sellerId: string,
  now: Date,
  payload: P,
): DomainEvent<P> {
  return complianceEvent(type, sellerId, now, payload, 'seller');
}
