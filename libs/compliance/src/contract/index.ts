/** What other contexts and teams may depend on: events on topic `tradehub.compliance.v1`. */
export * from './events';
export * from './catalogue';
