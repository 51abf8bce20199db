import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000100Orders } from './orders.migration';
import { Migration20261126000300OrdersLifecycle } from './orders-lifecycle.migration';
import { Migration20261126000800OrderReviewCounts } from './order-review-counts.migration';
import { Migration20261126000810OrdersSeams } from './orders-seams.migration';
import { OrderEntity } from './order.entity';

export const ordersMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000100Orders', class: Migration20261126000100Orders },
  { name: 'Migration20261126000300OrdersLifecycle', class: Migration20261126000300OrdersLifecycle },
  { name: 'Migration20261126000800OrderReviewCounts', class: Migration20261126000800OrderReviewCounts },
  { name: 'Migration20261126000810OrdersSeams', class: Migration20261126000810OrdersSeams },
];

export const ordersEntities = [OrderEntity];
