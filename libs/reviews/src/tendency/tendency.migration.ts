import { Migration, type MigrationEntry } from '@tradehub/platform';

/**
 * REV-6: each open order's negative-review tendency, a projection of Orders', Fulfillment's and
 * Disputes' events and of the buyer's reviews; closed orders stay for the record, off the board.
 */
export class Migration20261127000520ReviewTendency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table reviews.order_tendency (
      order_id uuid primary key,
      store_id text not null,
      buyer_id text not null,
      late_shipment boolean not null default false,
      logistics_stalled boolean not null default false,
      open_issue boolean not null default false,
      closed boolean not null default false,
      score integer not null check (score between 0 and 100),
      flagged boolean not null,
      reasons jsonb not null,
      scored_at timestamptz not null,
      check (not (closed and flagged))
    )`);
    // The board: a store's open orders by score, highest first (the flagged ones are its head).
    this
      .addSql(`create index order_tendency_board_idx on reviews.order_tendency (store_id, score desc, order_id desc)
      where not closed`);
    this.addSql(`create index order_tendency_buyer_idx on reviews.order_tendency (buyer_id, order_id)`);
  }
}

export const tendencyMigrations: MigrationEntry[] = [
  { name: 'Migration20261127000520ReviewTendency', class: Migration20261127000520ReviewTendency },
];
