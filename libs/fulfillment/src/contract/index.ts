/** What other contexts and teams may depend on: the Fulfillment context's integration events (it offers no calls). */
export * from './events';
export * from './catalogue';
