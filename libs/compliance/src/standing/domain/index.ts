export * from './campaign-eligibility';
export * from './downgrade-warnings';
export * from './exact';
export * from './ratings-figures';
export * from './sla-score';
export * from './window-totals';
export * from './trade-metrics';
