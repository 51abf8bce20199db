import { Migration } from '@tradehub/platform';

/** Packages and their tracking history, the orders' shipping progress, and the operations review queue (FUL-*). */
export class Migration20261126000400FulfillmentLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table fulfillment.packages (
      id uuid primary key,
      order_id uuid not null,
      store_id text not null,
      buyer_id text not null,
      carrier_code text not null,
      tracking_number text not null,
      lines jsonb not null,
      status text not null,
      shipped_at timestamptz not null,
      picked_up_at timestamptz,
      first_scan_at timestamptz,
      last_scan_at timestamptz,
      delivered_at timestamptz,
      no_first_scan boolean not null default false,
      stalled_since timestamptz,
      track_corrected_at timestamptz,
      updated_at timestamptz not null,
      version int not null default 0
    )`);
    this.addSql(`create index packages_order_idx on fulfillment.packages (order_id)`);
    // FUL-2: the reuse check and the carrier's tracking feed both look packages up by number.
    this.addSql(`create index packages_tracking_idx on fulfillment.packages (tracking_number, carrier_code)`);
    this.addSql(`create table fulfillment.order_shipments (
      order_id uuid primary key,
      store_id text not null,
      buyer_id text not null,
      fully_shipped boolean not null default false,
      delivered_at timestamptz
    )`);
    this.addSql(`create table fulfillment.tracking_events (
      event_id text not null,
      package_id uuid not null references fulfillment.packages (id),
      type text not null,
      occurred_at timestamptz not null,
      received_at timestamptz not null,
      location text,
      description text,
      primary key (package_id, event_id)
    )`);
    this.addSql(`create table fulfillment.review_tasks (
      id uuid primary key,
      kind text not null,
      status text not null,
      order_id uuid not null,
      package_id uuid not null references fulfillment.packages (id),
      store_id text not null,
      carrier_code text not null,
      tracking_number text not null,
      opened_at timestamptz not null,
      opened_by text,
      proof jsonb,
      sla_due_at timestamptz,
      overdue_at timestamptz,
      decided_by text,
      decided_at timestamptz,
      reason text,
      version int not null default 0
    )`);
    // The operations queue: open tasks, oldest first.
    this.addSql(
      `create index review_tasks_open_idx on fulfillment.review_tasks (opened_at, id) where status = 'OPEN'`,
    );
    this.addSql(`create index review_tasks_store_idx on fulfillment.review_tasks (store_id, opened_at)`);
    this.addSql(`create index review_tasks_package_idx on fulfillment.review_tasks (package_id)`);
  }
}
