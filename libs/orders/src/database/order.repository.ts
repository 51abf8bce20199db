import { Injectable } from '@nestjs/common';
import { Sql, Tx } from '@tradehub/platform';
import { OrderRiskFacts, OrderSummary } from '../contract';
import { Order, ShippingAddress } from '../domain/order';
import { awaitsShipment, OrderStatus } from '../domain/order-status';

/** Loads orders for a transaction; saving is the unit of work's (state, outbox, timers, audit). */
@Injectable()
export class OrderRepository {
  /** The order, locked for the rest of the transaction when it is about to change. */
  findById(tx: Tx, id: string, forUpdate = false): Promise<Order | null> {
    return tx.findById(Order, id, forUpdate);
  }

  /** A few columns, not the aggregate: other contexts ask this on every shipment confirmation. */
  async findSummary(sql: Sql, id: string): Promise<OrderSummary | null> {
    const [row] = await sql.query<{
      store_id: string;
      seller_id: string;
      buyer_id: string;
      status: OrderStatus;
      total_minor: string;
      currency: string;
      delivered_at: Date | string | null;
      cancelled: boolean;
      issue_status: string;
    }>(
      `select store_id, seller_id, buyer_id, status, total_minor::text as total_minor, currency,
         delivered_at, cancellation is not null as cancelled, issue_status
       from orders.orders where id = ?`,
      [id],
    );
    return row
      ? {
          orderId: id,
          storeId: row.store_id,
          sellerId: row.seller_id,
          buyerId: row.buyer_id,
          status: row.status,
          total: { minor: row.total_minor, currency: row.currency },
          awaitingShipment: awaitsShipment(row.status),
          deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
          cancelled: row.cancelled,
          issueStatus: row.issue_status,
        }
      : null;
  }

  /** DSP-5: the columns a dispute-risk score reads; the recipient's name and phone stay here. */
  async findRiskFacts(sql: Sql, id: string): Promise<OrderRiskFacts | null> {
    const [row] = await sql.query<{
      store_id: string;
      buyer_id: string;
      paid_at: Date | string;
      shipping_address: ShippingAddress;
      payment_method: string;
      payment_country: string;
      late_shipment: boolean;
    }>(
      `select store_id, buyer_id, paid_at, shipping_address, payment_method, payment_country, late_shipment
       from orders.orders where id = ?`,
      [id],
    );
    if (!row) return null;
    const address = row.shipping_address;
    return {
      orderId: id,
      storeId: row.store_id,
      buyerId: row.buyer_id,
      paidAt: new Date(row.paid_at).toISOString(),
      shippingAddress: {
        line1: address.line1,
        line2: address.line2 ?? null,
        city: address.city,
        region: address.region ?? null,
        postalCode: address.postalCode ?? null,
        country: address.country,
      },
      paymentMethod: row.payment_method,
      paymentCountry: row.payment_country,
      lateShipment: row.late_shipment,
    };
  }

  findByMarketplaceId(tx: Tx, marketplaceOrderId: string): Promise<Order | null> {
    return tx.em.findOne(Order, { marketplaceOrderId });
  }

  /**
   * ORD-4: records the order's late strike once; returns the store's strikes in the window ending
   * at it, or null if it was already recorded. One store's strikes are counted one deadline at a
   * time (advisory lock), so two firing together cannot both see the same count.
   */
  /** ORD-4: one store's strikes are counted and reviewed one transaction at a time. */
  async lockStrikes(tx: Tx, storeId: string): Promise<void> {
    // The lock is its own statement: a statement's snapshot is taken before it could wait for the lock.
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`late-strikes:${storeId}`]);
  }

  /** ORD-4: the store's strikes after `since`, oldest first. */
  async strikesSince(tx: Tx, storeId: string, since: Date): Promise<{ orderId: string; struckAt: Date }[]> {
    const rows = await tx.query<{ order_id: string; struck_at: Date }>(
      `select order_id, struck_at from orders.late_shipment_strikes where store_id = ? and struck_at > ?
       order by struck_at, order_id`,
      [storeId, since],
    );
    return rows.map((r) => ({ orderId: r.order_id, struckAt: new Date(r.struck_at) }));
  }

  /** ORD-4: the order of the store's newest strike (null when it has none). */
  async newestStrike(tx: Tx, storeId: string): Promise<string | null> {
    const [row] = await tx.query<{ order_id: string }>(
      `select order_id from orders.late_shipment_strikes where store_id = ? order by struck_at desc, order_id desc limit 1`,
      [storeId],
    );
    return row?.order_id ?? null;
  }

  async recordStrike(tx: Tx, order: Order, at: Date, windowStart: Date): Promise<number | null> {
    await this.lockStrikes(tx, order.storeId);
    const [row] = await tx.query<{ n: string | null }>(
      `with inserted as (
         insert into orders.late_shipment_strikes (order_id, store_id, struck_at) values (?, ?, ?)
         on conflict do nothing returning order_id)
       select case when exists (select 1 from inserted)
         then (select count(*) + 1 from orders.late_shipment_strikes where store_id = ? and struck_at > ? and struck_at <= ?)
       end as n`,
      [order.id, order.storeId, at, order.storeId, windowStart, at],
    );
    return row.n === null ? null : Number(row.n);
  }
}
