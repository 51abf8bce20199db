/** What other contexts and teams may depend on: events on topic `tradehub.reviews.v1`. */
export * from './events';
export * from './catalogue';
export * from './calls';
