import { Injectable } from '@nestjs/common';
import { Sql } from '@tradehub/platform';

export interface OrderShipment {
  orderId: string;
  storeId: string;
  buyerId: string;
  fullyShipped: boolean;
  deliveredAt: Date | null;
}

/** Fulfillment's own record of each order's shipping progress: is every line shipped, is it delivered (FUL-7). */
@Injectable()
export class OrderShipmentRepository {
  async record(sql: Sql, s: Omit<OrderShipment, 'deliveredAt'>): Promise<void> {
    await sql.query(
      `insert into fulfillment.order_shipments (order_id, store_id, buyer_id, fully_shipped) values (?, ?, ?, ?)
       on conflict (order_id) do update set fully_shipped = excluded.fully_shipped`,
      [s.orderId, s.storeId, s.buyerId, s.fullyShipped],
    );
  }

  async find(sql: Sql, orderId: string): Promise<OrderShipment | null> {
    const rows = await sql.query<{
      order_id: string;
      store_id: string;
      buyer_id: string;
      fully_shipped: boolean;
      delivered_at: Date | null;
    }>(
      `select order_id, store_id, buyer_id, fully_shipped, delivered_at from fulfillment.order_shipments where order_id = ? for update`,
      [orderId],
    );
    const r = rows[0];
    return r
      ? {
          orderId: r.order_id,
          storeId: r.store_id,
          buyerId: r.buyer_id,
          fullyShipped: r.fully_shipped,
          deliveredAt: r.delivered_at,
        }
      : null;
  }

  async markDelivered(sql: Sql, orderId: string, at: Date): Promise<void> {
    await sql.query(`update fulfillment.order_shipments set delivered_at = ? where order_id = ?`, [
      at,
      orderId,
    ]);
  }
}
