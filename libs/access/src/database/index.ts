import { MigrationEntry } from '@tradehub/platform';
import { Migration20261127120000Access } from './access.migration';

export const accessMigrations: MigrationEntry[] = [
  { name: 'Migration20261127120000Access', class: Migration20261127120000Access },
];
