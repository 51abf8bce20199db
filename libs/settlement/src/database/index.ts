import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Settlement } from './settlement.migration';

export const settlementMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Settlement', class: Migration20261126000200Settlement },
];
