export * from './tendency-types';
export * from './tendency-policy';
export * from './assess-review-tendency';
