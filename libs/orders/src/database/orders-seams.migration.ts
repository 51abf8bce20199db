import { Migration } from '@tradehub/platform';

/**
 * The order as its entity maps it: lines carry their money whole; the packages whose lines were
 * recorded (idempotent shipment recording); when the ship-deadline warning fired; the order's open
 * risk flags (filterable by code). Pending timers of this context now name the order as `id`.
 */
export class Migration20261126000810OrdersSeams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table orders.orders
      add column shipments jsonb not null default '[]',
      add column ship_warned_at timestamptz,
      add column open_flags jsonb not null default '[]'`);
    this.addSql(`update orders.orders o set lines = (
        select jsonb_agg((l - 'unitPriceMinor') || jsonb_build_object(
          'shippedQuantity', coalesce((l->>'shippedQuantity')::int, 0),
          'unitPrice', jsonb_build_object('minor', l->>'unitPriceMinor', 'currency', o.currency)))
        from jsonb_array_elements(o.lines) l)
      where o.lines->0 ? 'unitPriceMinor'`);
    this.addSql(`create index orders_open_flags_idx on orders.orders using gin (open_flags jsonb_path_ops)`);
    this.addSql(`update orders.orders set ship_warned_at = ship_warn_at
      where ship_warn_at is not null and status in ('WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS')
        and not exists (select 1 from platform.timers t where t.subject = 'order:' || orders.orders.id
          and t.kind = 'orders.ship-deadline-warning' and t.status = 'pending')`);
    this.addSql(`update platform.timers set payload = jsonb_build_object('id', payload->>'orderId')
      where status = 'pending' and kind like 'orders.%' and not payload ? 'id'`);
  }
}
