import { Migration } from '@tradehub/platform';

/**
 * CMP-4 in Fulfillment: the sellers Compliance closed, checked against the seller Orders reports for
 * the order at every shipment confirmation. A reopened seller keeps its row (closed = false) so an
 * older change arriving late never undoes a newer one; the stores are kept for operators.
 */
export class Migration20261127000624FulfillmentClosedSellers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table fulfillment.closed_sellers (
      seller_id text primary key,
      closed boolean not null,
      store_ids text[] not null,
      reason text not null,
      changed_at timestamptz not null
    )`);
  }
}
