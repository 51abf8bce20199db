export { ReviewsModule } from './reviews.module';
export { reviewsMigrations } from './database';
export * from './contract';
