import type { DomainEvent } from '@tradehub/kernel';
import { DISPUTES_CONTEXT } from '../contract/events';

/**
 * Builds one event of this context. The key is the order id for a request's events (an order's
 * successive requests stay in order), the store id for store-level figures.
 */
export function disputeEvent<P extends object>(
  type: string,
  aggregateType: 'order' | 'store',
  aggregateId: string,
  now: Date,
  payload: P,
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: DISPUTES_CONTEXT,
    aggregateType,
    aggregateId,
    occurredAt: now,
    payload,
  };
}
