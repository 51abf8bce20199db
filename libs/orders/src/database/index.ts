import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000100Orders } from './orders.migration';

export const ordersMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000100Orders', class: Migration20261126000100Orders },
];
