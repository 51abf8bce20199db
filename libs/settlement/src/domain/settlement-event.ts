import type { DomainEvent } from '@tradehub/kernel';
import { SETTLEMENT_CONTEXT } from '../contract/events';

/**
 * Builds one event of this context. The aggregate id is the Kafka key: the order id for an
 * order's money (all of one order's events stay in order), the withdrawal id for a payout.
 */
export function settlementEvent<P extends object>(
  type: string,
  aggregateType: 'order' | 'withdrawal',
  aggregateId: string,
  now: Date,
  payload: P,
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: SETTLEMENT_CONTEXT,
    aggregateType,
    aggregateId,
    occurredAt: now,
    payload,
  };
}
