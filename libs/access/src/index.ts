export { AccessModule } from './access.module';
export { accessMigrations } from './database';
export { mountOAuth } from './oauth/mount';
