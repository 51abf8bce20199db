import { Injectable } from '@nestjs/common';
import { Tx } from '@tradehub/platform';
import { OrderFulfillment } from '../domain';

/** Fulfillment's per-order delivery record (FUL-7). */
@Injectable()
export class OrderFulfillmentRepository {
  find(tx: Tx, orderId: string): Promise<OrderFulfillment | null> {
    return tx.em.findOne(OrderFulfillment, { id: orderId });
  }

  /** Serialises the delivery decisions of one order's packages (scanned under different numbers). */
  async lockOrder(tx: Tx, orderId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`fulfillment-order:${orderId}`]);
  }
}
