import type { MigrationEntry } from '@tradehub/platform';
import { Migration20261127000620CompliancePenalties } from './penalties.migration';

export { SellerAccountEntity } from './penalties.entities';
export { SellerAccountRepository, type SellerPenalties } from './seller-account.repository';

export const penaltiesMigrationEntries: MigrationEntry[] = [
  { name: 'Migration20261127000620CompliancePenalties', class: Migration20261127000620CompliancePenalties },
];
