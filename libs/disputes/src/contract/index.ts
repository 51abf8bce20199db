/** What other contexts and teams may depend on: events on topic `tradehub.disputes.v1`. */
export * from './events';
export * from './catalogue';
