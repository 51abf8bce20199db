import { Migration } from '@tradehub/platform';

/**
 * One package per order, carrier and number, so a confirmation sent twice at once creates one
 * package; and a parking place for carrier scans that arrive before the seller confirmed the
 * shipment they belong to.
 */
export class Migration20261126000700PackageUniqueness extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unique index packages_order_number_uq on fulfillment.packages (order_id, carrier_code, tracking_number)`,
    );
    this.addSql(`create table fulfillment.unmatched_scans (
      carrier_code text not null,
      tracking_number text not null,
      event_id text not null,
      type text not null,
      occurred_at timestamptz not null,
      location text,
      description text,
      received_at timestamptz not null,
      primary key (carrier_code, tracking_number, event_id)
    )`);
  }
}
