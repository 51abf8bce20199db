import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000100Orders } from './orders.migration';
import { Migration20261126000300OrdersLifecycle } from './orders-lifecycle.migration';

export const ordersMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000100Orders', class: Migration20261126000100Orders },
  { name: 'Migration20261126000300OrdersLifecycle', class: Migration20261126000300OrdersLifecycle },
];
