export * from './penalty-case';
export * from './penalty-event';
export * from './penalties.errors';
export * from './seller-account';
