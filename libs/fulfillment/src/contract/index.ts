/** What other contexts and teams may depend on: events on topic `tradehub.fulfillment.v1`, key = order id. */
export const FULFILLMENT_CONTEXT = 'fulfillment';

export * from '../domain/events';
