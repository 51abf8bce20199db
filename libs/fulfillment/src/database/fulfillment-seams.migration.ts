import { Migration } from '@tradehub/platform';

/**
 * A package waits (PENDING) until Orders recorded its lines, then ships (CONFIRMED); a refused one
 * is removed (the audit keeps why). It stores the deadlines it declares;
 * the operator's decision restarts the stall clock, a confirmed fake shipment ends the watch.
 * Pending timers of this context now name their subject's id as `id`.
 */
export class Migration20261126000820FulfillmentSeams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table fulfillment.packages
      add column confirmation text not null default 'CONFIRMED' check (confirmation in ('PENDING', 'CONFIRMED')),
      add column requested_lines jsonb,
      add column pool_left_at timestamptz,
      add column fake_shipment_at timestamptz,
      add column confirm_due_at timestamptz,
      add column first_scan_due_at timestamptz,
      add column stall_due_at timestamptz`);
    this.addSql(`alter table fulfillment.packages alter column confirmation drop default`);
    // A package knows whether it completed its order; the per-order record exists once the order is delivered.
    this.addSql(`alter table fulfillment.packages add column completes_order boolean not null default false`);
    this.addSql(`update fulfillment.packages p set completes_order = true
      from fulfillment.order_shipments s
      where s.order_id = p.order_id and s.fully_shipped
        and p.id = (select id from fulfillment.packages q where q.order_id = p.order_id order by q.shipped_at desc, q.id desc limit 1)`);
    this.addSql(`delete from fulfillment.order_shipments where delivered_at is null`);
    this
      .addSql(`alter table fulfillment.order_shipments drop column fully_shipped, alter column delivered_at set not null,
      add column version int not null default 1`);
    for (const [kind, column] of [
      ['fulfillment.first-scan', 'first_scan_due_at'],
      ['fulfillment.stall', 'stall_due_at'],
    ]) {
      this.addSql(`update fulfillment.packages p set ${column} = t.due_at from platform.timers t
        where t.kind = '${kind}' and t.status = 'pending' and t.subject = 'package:' || p.id`);
    }
    this
      .addSql(`update platform.timers set payload = jsonb_build_object('id', coalesce(payload->>'packageId', payload->>'taskId'))
      where status = 'pending' and kind like 'fulfillment.%' and not payload ? 'id'`);
  }
}
