/** What other contexts and teams may depend on: the Orders context's integration events and the calls it offers. */
export * from './events';
export * from './calls';
export * from './catalogue';
