import type { DomainEvent } from '@tradehub/kernel';
import { COMPLIANCE_CONTEXT } from '../contract/events';

/** One event of this context; the key is the store id (a store's standing and flags) or the seller id. */
export function complianceEvent<P extends object>(
  type: string,
  key: string,
  now: Date,
  payload: P,
  aggregateType: 'store' | 'seller' = 'store',
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: COMPLIANCE_CONTEXT,
    aggregateType,
    aggregateId: key,
    occurredAt: now,
    payload,
  };
}
