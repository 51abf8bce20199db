import { MigrationEntry } from '@tradehub/platform';
import { Migration20261127120000Access } from './access.migration';
import { Migration20261127120100AccessTokenStanding } from './token-standing.migration';
import { Migration20261128000500AccessStandingChanges } from './standing-changes.migration';

export const accessMigrations: MigrationEntry[] = [
  { name: 'Migration20261127120000Access', class: Migration20261127120000Access },
  { name: 'Migration20261127120100AccessTokenStanding', class: Migration20261127120100AccessTokenStanding },
  {
    name: 'Migration20261128000500AccessStandingChanges',
    class: Migration20261128000500AccessStandingChanges,
  },
];
