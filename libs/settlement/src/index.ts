export { SettlementModule } from './settlement.module';
export { settlementMigrations } from './database';
export * from './contract';
