import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Fulfillment } from './fulfillment.migration';

export const fulfillmentMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Fulfillment', class: Migration20261126000200Fulfillment },
];
