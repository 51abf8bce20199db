import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000100Orders } from './orders.migration';
import { Migration20261126000300OrdersLifecycle } from './orders-lifecycle.migration';
import { Migration20261126000800OrderReviewCounts } from './order-review-counts.migration';
import { Migration20261126000810OrdersSeams } from './orders-seams.migration';
import { Migration20261127000220OrderFundStatus } from './order-fund-status.migration';
import { Migration20261127000300OrderIssueStatus } from './order-issue-status.migration';
import { Migration20261127000622OrdersClosedSellers } from './closed-sellers.migration';
import { OrderEntity } from './order.entity';

export const ordersMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000100Orders', class: Migration20261126000100Orders },
  { name: 'Migration20261126000300OrdersLifecycle', class: Migration20261126000300OrdersLifecycle },
  { name: 'Migration20261126000800OrderReviewCounts', class: Migration20261126000800OrderReviewCounts },
  { name: 'Migration20261126000810OrdersSeams', class: Migration20261126000810OrdersSeams },
  { name: 'Migration20261127000220OrderFundStatus', class: Migration20261127000220OrderFundStatus },
  { name: 'Migration20261127000300OrderIssueStatus', class: Migration20261127000300OrderIssueStatus },
  { name: 'Migration20261127000622OrdersClosedSellers', class: Migration20261127000622OrdersClosedSellers },
];

export const ordersEntities = [OrderEntity];
