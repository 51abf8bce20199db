import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/postgresql';
import { Tx } from '@tradehub/platform';
import { OrderFulfillment } from '../domain';

/** Loads Fulfillment's per-order record (FUL-7) for a transaction. */
@Injectable()
export class OrderFulfillmentRepository {
  /** Locked: one package's delivery at a time decides the order's. */
  find(tx: Tx, orderId: string): Promise<OrderFulfillment | null> {
    return tx.em.findOne(
      OrderFulfillment,
      { id: orderId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** Serialises the confirmations of one order's packages, so its record is created once. */
  async lockOrder(tx: Tx, orderId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext(?))`, [`fulfillment-order:${orderId}`]);
  }
}
