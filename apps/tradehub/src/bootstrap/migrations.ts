import { accessMigrations } from '@tradehub/access';
import { complianceMigrations } from '@tradehub/compliance';
import { disputesMigrations } from '@tradehub/disputes';
import { fulfillmentMigrations } from '@tradehub/fulfillment';
import { ordersMigrations } from '@tradehub/orders';
import {
  MigrationEntry,
  Migration20261126000000Platform,
  Migration20261126000500TimerClaims,
  Migration20261126000600DeadLetters,
  Migration20261126000900ContextRoles,
  Migration20261126001000OutboxNotify,
  Migration20261126001200RowGuard,
  Migration20261127000100RowAbsentGuard,
  Migration20261128000400TimerFillfactor,
} from '@tradehub/platform';
import { reviewsMigrations } from '@tradehub/reviews';
import { settlementMigrations } from '@tradehub/settlement';

/**
 * Every committed migration, in order: the platform's tables, each context's schema, then the
 * per-context roles (granted on what exists, and by default on what later migrations create).
 */
export const ALL_MIGRATIONS: MigrationEntry[] = [
  { name: 'Migration20261126000000Platform', class: Migration20261126000000Platform },
  ...ordersMigrations,
  ...fulfillmentMigrations,
  ...settlementMigrations,
  ...disputesMigrations,
  ...reviewsMigrations,
  ...complianceMigrations,
  ...accessMigrations,
  { name: 'Migration20261126000500TimerClaims', class: Migration20261126000500TimerClaims },
  { name: 'Migration20261126000600DeadLetters', class: Migration20261126000600DeadLetters },
  { name: 'Migration20261126000900ContextRoles', class: Migration20261126000900ContextRoles },
  { name: 'Migration20261126001000OutboxNotify', class: Migration20261126001000OutboxNotify },
  { name: 'Migration20261126001200RowGuard', class: Migration20261126001200RowGuard },
  { name: 'Migration20261127000100RowAbsentGuard', class: Migration20261127000100RowAbsentGuard },
  { name: 'Migration20261128000400TimerFillfactor', class: Migration20261128000400TimerFillfactor },
].sort((a, b) => a.name.localeCompare(b.name));
