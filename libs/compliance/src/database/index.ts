import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Compliance } from './compliance.migration';

export const complianceMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Compliance', class: Migration20261126000200Compliance },
];
