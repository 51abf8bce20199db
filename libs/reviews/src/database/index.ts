import { MigrationEntry } from '@tradehub/platform';
import { Migration20261126000200Reviews } from './reviews.migration';
import { Migration20261127000500ReviewsLifecycle } from './reviews-lifecycle.migration';
import { ReviewEntity } from './reviews.entities';
import { tendencyMigrations } from '../tendency/tendency.migration';

export const reviewsMigrations: MigrationEntry[] = [
  { name: 'Migration20261126000200Reviews', class: Migration20261126000200Reviews },
  { name: 'Migration20261127000500ReviewsLifecycle', class: Migration20261127000500ReviewsLifecycle },
  ...tendencyMigrations,
];

export const reviewsEntities = [ReviewEntity];
