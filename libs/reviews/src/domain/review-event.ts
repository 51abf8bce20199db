import type { DomainEvent } from '@tradehub/kernel';
import { REVIEWS_CONTEXT } from '../contract/events';

/** One event of this context; the key is the order id (a review's events) or the store id (a store's DSR). */
export function reviewEvent<P extends object>(
  type: string,
  key: string,
  now: Date,
  payload: P,
  aggregateType: 'order' | 'store' = 'order',
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: REVIEWS_CONTEXT,
    aggregateType,
    aggregateId: key,
    occurredAt: now,
    payload,
  };
}
