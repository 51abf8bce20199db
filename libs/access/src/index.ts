export { AccessModule } from './access.module';
export { accessMigrations } from './database';
export { mountOAuth } from './oauth/mount';
export { seedAccessDemo, StaffDirectory, type StaffAccount, DEMO_ACCESS } from './directory';
export { OAuthServer } from './oauth';
