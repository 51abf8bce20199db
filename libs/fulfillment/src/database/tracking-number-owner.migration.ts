import { Migration } from '@tradehub/platform';

/**
 * FUL-2's "not in use on an order of another buyer" as a constraint: two packages may share a
 * number only when they are the same buyer's. PostgreSQL then checks it inside the insert, waiting
 * for a concurrent insert of the same number, so a confirmation needs no lock and no lookup first.
 */
export class Migration20261126001100TrackingNumberOwner extends Migration {
  override async up(): Promise<void> {
    // btree_gist gives GiST the `=` and `<>` of text; it is a trusted extension, shipped with PostgreSQL.
    this.addSql(`create extension if not exists btree_gist`);
    this.addSql(
      `alter table fulfillment.packages add constraint packages_number_one_buyer
       exclude using gist (tracking_number with =, buyer_id with <>)`,
    );
  }
}
