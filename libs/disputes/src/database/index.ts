import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Disputes } from './disputes.migration';
import { Migration20261127000400DisputesLifecycle } from './disputes-lifecycle.migration';
import { Migration20261128000200ArbitrationQueue } from './arbitration-queue.migration';
import { RefundRequestEntity } from './disputes.entities';

export const disputesMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Disputes', class: Migration20261126000200Disputes },
  { name: 'Migration20261127000400DisputesLifecycle', class: Migration20261127000400DisputesLifecycle },
  { name: 'Migration20261128000200ArbitrationQueue', class: Migration20261128000200ArbitrationQueue },
];

export const disputesEntities = [RefundRequestEntity];
