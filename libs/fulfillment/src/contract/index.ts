/** What other contexts and teams may depend on: events on topic `tradehub.fulfillment.v1`. */
export const FULFILLMENT_CONTEXT = 'fulfillment';
