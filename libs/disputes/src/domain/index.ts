export * from './dispute-schedule';
export * from './disputes.errors';
export * from './dispute-event';
export * from './evidence';
export * from './refund-request.state';
export * from './refund-request';
export * from './dispute-rate';
