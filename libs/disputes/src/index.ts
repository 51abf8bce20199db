export { DisputesModule } from './disputes.module';
export { disputesMigrations } from './database';
export * from './contract';
