import { Injectable } from '@nestjs/common';
import type { Sql, Tx } from '@tradehub/platform';
import { type HoldSignals, SettlementOrder } from '../domain';

/** Settlement's orders and what the day-5 review checks about them. */
@Injectable()
export class SettlementOrderRepository {
  find(tx: Tx, orderId: string, forUpdate = true): Promise<SettlementOrder | null> {
    return tx.findById(SettlementOrder, orderId, forUpdate);
  }

  /** SET-2's inputs: the order's signals and its seller's account. */
  async signals(sql: Sql, orderId: string): Promise<HoldSignals> {
    const [row] = await sql.query<{ fake: boolean; issues: boolean; closed: boolean }>(
      `select
         coalesce((select fake_shipment_confirmed_at is not null from settlement.order_signals where order_id = ?), false) as fake,
         coalesce((select cardinality(open_issues) > 0 from settlement.order_signals where order_id = ?), false) as issues,
         coalesce((select a.closed from settlement.settlement_orders o join settlement.seller_accounts a on a.seller_id = o.seller_id
                   where o.id = ?), false) as closed`,
      [orderId, orderId, orderId],
    );
    return {
      fakeShipmentConfirmed: row?.fake ?? false,
      openIssue: row?.issues ?? false,
      sellerAccountClosed: row?.closed ?? false,
    };
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
      `insert into settlement.order_signals (order_id, fake_shipment_confirmed_at, fake_shipment_task_id)
       values (?, ?, ?)
       on conflict (order_id) do update set fake_shipment_confirmed_at = excluded.fake_shipment_confirmed_at,
         fake_shipment_task_id = excluded.fake_shipment_task_id
       where settlement.order_signals.fake_shipment_confirmed_at is null
       returning order_id`,
      [orderId, at, taskId],
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

  /** SET-2: a refund request or dispute on the order opened or closed; true when that changed anything. */
  async recordIssue(tx: Tx, orderId: string, issueId: string, open: boolean): Promise<boolean> {
    const changed = await tx.query(
      open
        ? `insert into settlement.order_signals (order_id, open_issues) values (?, array[?::text])
           on conflict (order_id) do update set open_issues = settlement.order_signals.open_issues || excluded.open_issues
           where not (? = any(settlement.order_signals.open_issues))
           returning order_id`
        : `update settlement.order_signals set open_issues = array_remove(open_issues, ?)
           where order_id = ? and ? = any(open_issues) returning order_id`,
      open ? [orderId, issueId, issueId] : [issueId, orderId, issueId],
    );
    if (changed.length > 0)
      tx.audit({
        action: open ? 'settlement.issue-opened' : 'settlement.issue-closed',
        subjectType: 'settlement-order',
        subjectId: orderId,
        changes: { issueId, open },
      });
    return changed.length > 0;
  }

  /** SET-2, CMP-4: a seller account closed (or reopened); true when that changed anything. */
  async recordSellerAccount(
    tx: Tx,
    sellerId: string,
    closed: boolean,
    reason: string,
    at: Date,
  ): Promise<boolean> {
    const changed = await tx.query(
      `insert into settlement.seller_accounts (seller_id, closed, reason, changed_at) values (?, ?, ?, ?)
       on conflict (seller_id) do update set closed = excluded.closed, reason = excluded.reason,
         changed_at = excluded.changed_at
       where settlement.seller_accounts.closed <> excluded.closed
       returning seller_id`,
      [sellerId, closed, reason, at],
    );
    if (changed.length > 0)
      tx.audit({
        action: closed ? 'settlement.seller-account-closed' : 'settlement.seller-account-reopened',
        subjectType: 'seller-account',
        subjectId: sellerId,
        changes: { closed: { from: !closed, to: closed }, reason },
      });
    return changed.length > 0;
  }
}
