import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Fulfillment } from './fulfillment.migration';
import { Migration20261126000400FulfillmentLifecycle } from './fulfillment-lifecycle.migration';
import { Migration20261126000700PackageUniqueness } from './package-uniqueness.migration';
import { Migration20261126000820FulfillmentSeams } from './fulfillment-seams.migration';
import { Migration20261126001100TrackingNumberOwner } from './tracking-number-owner.migration';
import { Migration20261127000624FulfillmentClosedSellers } from './closed-sellers.migration';

export { fulfillmentEntities } from './fulfillment.entities';

export const fulfillmentMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Fulfillment', class: Migration20261126000200Fulfillment },
  { name: 'Migration20261126000400FulfillmentLifecycle', class: Migration20261126000400FulfillmentLifecycle },
  { name: 'Migration20261126000700PackageUniqueness', class: Migration20261126000700PackageUniqueness },
  { name: 'Migration20261126000820FulfillmentSeams', class: Migration20261126000820FulfillmentSeams },
  { name: 'Migration20261126001100TrackingNumberOwner', class: Migration20261126001100TrackingNumberOwner },
  {
    name: 'Migration20261127000624FulfillmentClosedSellers',
    class: Migration20261127000624FulfillmentClosedSellers,
  },
];
