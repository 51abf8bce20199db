import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Disputes } from './disputes.migration';

export const disputesMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Disputes', class: Migration20261126000200Disputes },
];
