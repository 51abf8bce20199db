import { Inject, Injectable } from '@nestjs/common';
import { Timers, type Tx } from '@tradehub/platform';
import { OrderFactsRepository } from '../database/order-facts.repository';
import { RollupRepository } from '../database/rollup.repository';
import { STANDING_POLICY, type StandingPolicy } from '../standing.config';

export const STANDING_REFRESH_TIMER = 'compliance.standing-refresh';

/**
 * ANA-1: turns the contexts' events into facts counted once per order (or review) and adds them to
 * the store's daily roll-up; each change asks for the store's standing to be refreshed (a timer due
 * now, so a burst of one store's events is refreshed once).
 */
@Injectable()
export class FactsRecorder {
  constructor(
    private readonly facts: OrderFactsRepository,
    private readonly rollups: RollupRepository,
    private readonly timers: Timers,
    @Inject(STANDING_POLICY) private readonly policy: StandingPolicy,
  ) {}

  async placed(
    tx: Tx,
    o: { orderId: string; storeId: string; currency: string; totalMinor: bigint; paidAt: Date; shipBy: Date },
    now: Date,
  ): Promise<void> {
    if (!(await this.facts.placed(tx, o))) return;
    this.audit(tx, o.orderId, o.storeId, 'placed', o.paidAt);
    await this.rollups.add(tx, o.storeId, o.paidAt, { orders: 1 });
    await this.rollups.addGmv(tx, o.storeId, o.paidAt, o.currency, o.totalMinor);
    await this.refresh(tx, o.storeId, now);
  }

  async marked(
    tx: Tx,
    order: { orderId: string; storeId: string },
    fact: 'seller_cancelled' | 'disputed' | 'refunded' | 'abnormal',
    at: Date,
    now: Date,
  ): Promise<void> {
    const { orderId } = order;
    const marked = await this.facts.mark(tx, orderId, order.storeId, `${fact}_at`, at);
    if (!marked) return;
    this.audit(tx, orderId, marked.storeId, fact, at);
    await this.rollups.add(tx, marked.storeId, at, { [fact]: 1 });
    await this.refresh(tx, marked.storeId, now);
  }

  async shipped(tx: Tx, orderId: string, at: Date, now: Date): Promise<void> {
    const order = await this.facts.shipped(tx, orderId, at, this.policy.slowFulfillmentHours);
    if (!order) return;
    this.audit(tx, orderId, order.storeId, 'shipped', at);
    const ms = at.getTime() - order.paidAt.getTime();
    await this.rollups.add(tx, order.storeId, at, {
      shipped: 1,
      ship_seconds: Math.floor(ms / 1000),
      on_time: at <= order.shipBy ? 1 : 0,
    });
    // Shipped after the deadline with no missed-deadline event counted yet: late on the deadline's day.
    if (at > order.shipBy && !order.alreadyLate)
      await this.rollups.add(tx, order.storeId, order.shipBy, { late: 1 });
    if (order.slowFrom) await this.rollups.add(tx, order.storeId, order.slowFrom, { slow: 1 });
    await this.refresh(tx, order.storeId, now);
  }

  /** ORD-5: any cancellation (only the seller's count against the store). */
  async cancelled(
    tx: Tx,
    o: { orderId: string; storeId: string; sellerInitiated: boolean },
    at: Date,
    now: Date,
  ) {
    await this.facts.cancelled(tx, o.orderId, o.storeId, at);
    if (o.sellerInitiated) await this.marked(tx, o, 'seller_cancelled', at, now);
  }

  /**
   * CMP-2: orders of the store unshipped 72 h after payment count as slow from then; run by the
   * store's refresh before it reads the window (no refresh asked: it is the refresh).
   */
  async sweepSlow(tx: Tx, storeId: string, now: Date, windowFrom: Date): Promise<void> {
    const hours = this.policy.slowFulfillmentHours;
    const since = new Date(windowFrom.getTime() - hours * 3_600_000);
    for (const { orderId, slowAt } of await this.facts.sweepSlow(tx, storeId, now, hours, since)) {
      this.audit(tx, orderId, storeId, 'slow', slowAt);
      await this.rollups.add(tx, storeId, slowAt, { slow: 1 });
    }
  }

  async late(tx: Tx, orderId: string, now: Date): Promise<void> {
    const order = await this.facts.late(tx, orderId);
    if (!order) return;
    this.audit(tx, orderId, order.storeId, 'late', order.shipBy);
    await this.rollups.add(tx, order.storeId, order.shipBy, { late: 1 });
    await this.refresh(tx, order.storeId, now);
  }

  async released(tx: Tx, orderId: string, storeId: string, at: Date, cycleSeconds: number): Promise<void> {
    const order = await this.facts.released(tx, orderId, storeId, at, cycleSeconds);
    if (!order) return;
    this.audit(tx, orderId, order.storeId, 'released', at);
    await this.rollups.add(tx, order.storeId, at, { released: 1, payout_cycle_seconds: cycleSeconds });
  }

  async reviewed(
    tx: Tx,
    r: {
      reviewId: string;
      orderId: string;
      storeId: string;
      reviewedAt: Date;
      overall: number;
      dsr: [number, number, number];
    },
    now: Date,
  ): Promise<void> {
    if (!(await this.facts.reviewed(tx, r))) return;
    this.audit(tx, r.orderId, r.storeId, 'reviewed', r.reviewedAt);
    await this.rollups.add(tx, r.storeId, r.reviewedAt, {
      reviews: 1,
      positive: r.overall >= 4 ? 1 : 0,
      item_as_described_sum: r.dsr[0],
      communication_sum: r.dsr[1],
      shipping_speed_sum: r.dsr[2],
    });
    await this.refresh(tx, r.storeId, now);
  }

  /** CMP-6: what each fact added to the store's figures (a consumer's change like any other). */
  private audit(tx: Tx, orderId: string, storeId: string, fact: string, at: Date): void {
    tx.audit({
      action: 'compliance.fact-recorded',
      subjectType: 'order-facts',
      subjectId: orderId,
      storeId,
      changes: { fact, at: at.toISOString() },
    });
  }

  /** The store's standing is computed again soon (CMP-1..3), in its own transaction. */
  async refresh(tx: Tx, storeId: string, now: Date): Promise<void> {
    await this.timers.schedule(tx, {
      kind: STANDING_REFRESH_TIMER,
      subject: `store:${storeId}`,
      dueAt: now,
      payload: { storeId },
    });
  }
}
