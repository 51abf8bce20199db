import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Reviews } from './reviews.migration';

export const reviewsMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Reviews', class: Migration20261126000200Reviews },
];
