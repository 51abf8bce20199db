export * from './review';
export * from './review-event';
export * from './reviews.errors';
export * from './store-ratings';
