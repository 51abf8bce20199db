import { MigrationEntry } from '@tradehub/platform';
import { Migration20261127000200Ledger } from './ledger.migration';
import { Migration20261126000200Settlement } from './settlement.migration';
import { Migration20261127000210SettlementLifecycle } from './settlement-lifecycle.migration';
import { Migration20261128000100ReleaseSchedule } from './release-schedule.migration';
import { Migration20261128000300HeldAt } from './held-at.migration';
import { FxQuoteEntity, SettlementOrderEntity, WithdrawalEntity } from './settlement.entities';

export const settlementMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Settlement', class: Migration20261126000200Settlement },
  { name: 'Migration20261127000200Ledger', class: Migration20261127000200Ledger },
  { name: 'Migration20261127000210SettlementLifecycle', class: Migration20261127000210SettlementLifecycle },
  { name: 'Migration20261128000100ReleaseSchedule', class: Migration20261128000100ReleaseSchedule },
  { name: 'Migration20261128000300HeldAt', class: Migration20261128000300HeldAt },
];

export const settlementEntities = [SettlementOrderEntity, WithdrawalEntity, FxQuoteEntity];
