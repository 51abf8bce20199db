import { DomainEvent } from '@tradehub/kernel';
import { FULFILLMENT_CONTEXT } from '../contract';

export type FulfillmentAggregateType = 'order' | 'package' | 'review-task' | 'order-fulfillment';

/**
 * Builds one event of this context. The aggregate id is the ORDER id, not the package or task id:
 * it is the Kafka key, so all of one order's fulfillment events stay in order; the package or
 * task id travels in the payload.
 */
export function fulfillmentEvent<P extends object>(
  type: string,
  aggregateType: FulfillmentAggregateType,
  orderId: string,
  now: Date,
  payload: P,
): DomainEvent<P> {
  return {
    type,
    schemaVersion: 1,
    context: FULFILLMENT_CONTEXT,
    aggregateType,
    aggregateId: orderId,
    occurredAt: now,
    payload,
  };
}
