import { MigrationEntry } from '@tradehub/platform';
import { directoryMigrations } from '../directory';
import { boardMigrations } from '../board';
import { penaltyMigrations } from '../penalties';
import { standingMigrations } from '../standing';
import { Migration20261126000200Compliance } from './compliance.migration';

export const complianceMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Compliance', class: Migration20261126000200Compliance },
  ...directoryMigrations,
  ...standingMigrations,
  ...boardMigrations,
  ...penaltyMigrations,
];
