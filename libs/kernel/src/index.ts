export * from './money';
export * from './domain-error';
export * from './clock';
export * from './ids';
export * from './domain-event';
export * from './cursor';
export * from './instant';
export * from './risk-flag';
