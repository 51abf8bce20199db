export { FulfillmentModule } from './fulfillment.module';
export { fulfillmentMigrations } from './database';
export * from './contract';
