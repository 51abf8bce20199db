/** What other contexts and teams may depend on: events on topic `tradehub.settlement.v1`, and the refund call. */
export * from './events';
export * from './catalogue';
export * from './calls';
