import { Injectable } from '@nestjs/common';
import type { Sql, Tx } from '@tradehub/platform';
import { type HoldSignals, NO_SIGNALS, SettlementOrder } from '../domain';

/** Settlement's orders and what the day-5 review checks about them. */
@Injectable()
export class SettlementOrderRepository {
  find(tx: Tx, orderId: string, forUpdate = true): Promise<SettlementOrder | null> {
    return tx.findById(SettlementOrder, orderId, forUpdate);
  }

  /** SET-2's inputs; open issues and closed accounts arrive with Disputes and Compliance. */
  async signals(sql: Sql, orderId: string): Promise<HoldSignals> {
    const [row] = await sql.query<{ fake: boolean }>(
      `select fake_shipment_confirmed_at is not null as fake from settlement.order_signals where order_id = ?`,
      [orderId],
    );
    return { ...NO_SIGNALS, fakeShipmentConfirmed: row?.fake ?? false };
  }

  /** FUL-6 -> SET-2: a confirmed fake-shipment case on the order; the first confirmation is kept. */
  async recordFakeShipment(
    tx: Tx,
    orderId: string,
    storeId: string,
    taskId: string,
    at: Date,
  ): Promise<void> {
    const inserted = await tx.query(
      `insert into settlement.order_signals (order_id, store_id, fake_shipment_confirmed_at, fake_shipment_task_id)
       values (?, ?, ?, ?)
       on conflict (order_id) do update set fake_shipment_confirmed_at = excluded.fake_shipment_confirmed_at,
         fake_shipment_task_id = excluded.fake_shipment_task_id
       where settlement.order_signals.fake_shipment_confirmed_at is null
       returning order_id`,
      [orderId, storeId, at, taskId],
    );
    if (inserted.length > 0)
      tx.audit({
        action: 'settlement.fake-shipment-recorded',
        subjectType: 'settlement-order',
        subjectId: orderId,
        storeId,
        changes: {
          fakeShipmentConfirmedAt: { from: null, to: at.toISOString() },
          taskId: { from: null, to: taskId },
        },
      });
  }
}
