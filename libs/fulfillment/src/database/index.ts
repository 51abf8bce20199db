import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Fulfillment } from './fulfillment.migration';
import { Migration20261126000400FulfillmentLifecycle } from './fulfillment-lifecycle.migration';
import { Migration20261126000700PackageUniqueness } from './package-uniqueness.migration';

export const fulfillmentMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Fulfillment', class: Migration20261126000200Fulfillment },
  { name: 'Migration20261126000400FulfillmentLifecycle', class: Migration20261126000400FulfillmentLifecycle },
  { name: 'Migration20261126000700PackageUniqueness', class: Migration20261126000700PackageUniqueness },
];
