export { ComplianceModule } from './compliance.module';
export { complianceMigrations } from './database';
export * from './contract';
