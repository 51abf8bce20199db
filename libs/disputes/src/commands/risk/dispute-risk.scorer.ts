import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent, RiskFlagRaisedV1 } from '@tradehub/kernel';
import type { OrderRiskFacts } from '@tradehub/orders/contract';
import type { Tx } from '@tradehub/platform';
import {
  DisputeEvents,
  type DisputeRiskScoredV1,
  type RequestKind,
  type RiskFlagClearedV1,
} from '../../contract/events';
import { OrderRiskRepository, type OrderRiskRow } from '../../database/order-risk.repository';
import { disputeEvent } from '../../domain';
import { assessDisputeRisk, type DisputeRiskPolicy, riskFlagCodes } from '../../domain/risk';
import { DISPUTE_RISK_POLICY } from '../../disputes.config';

const DAY_MS = 86_400_000;

export type RiskChange = Partial<
  Pick<OrderRiskRow, 'lateShipment' | 'logisticsStalled' | 'closed' | 'disputed'>
>;

/** A request of the buyer made in this very transaction: not in the table until the commit. */
export type PendingRequest = { kind: RequestKind } | null;

/**
 * DSP-5: scores an order at ingest and again whenever one of its signals changes; raises and clears
 * risk types 11-13 with their reasons and feeds the high-risk list (DisputeRiskScored) when an order
 * enters, moves within or leaves the high band. Each change is audited with its events.
 */
@Injectable()
export class DisputeRiskScorer {
  constructor(
    private readonly risks: OrderRiskRepository,
    @Inject(DISPUTE_RISK_POLICY) private readonly policy: DisputeRiskPolicy,
  ) {}

  /** The order's first score, at ingest; false (and nothing written) when it was scored already. */
  async scoreNew(tx: Tx, facts: OrderRiskFacts, now: Date): Promise<boolean> {
    // A request of the same buyer committing meanwhile is either counted here or re-scores this order.
    await this.risks.lockBuyer(tx, facts.buyerId);
    const row: OrderRiskRow = {
      orderId: facts.orderId,
      storeId: facts.storeId,
      buyerId: facts.buyerId,
      paidAt: new Date(facts.paidAt),
      facts: {
        address: facts.shippingAddress,
        paymentMethod: facts.paymentMethod,
        paymentCountry: facts.paymentCountry,
      },
      lateShipment: facts.lateShipment,
      logisticsStalled: false,
      closed: false,
      disputed: false,
      score: 0,
      level: 'LOW',
      reasons: [],
      flags: [],
      scoredAt: now,
    };
    const events = await this.assess(tx, row, null, now);
    if (!(await this.risks.insert(tx, row))) return false;
    this.publish(tx, row, events, 'disputes.risk-scored');
    return true;
  }

  /** A signal of a scored order changed; an order never scored (placed before this context ran) is skipped. */
  async change(
    tx: Tx,
    orderId: string,
    change: RiskChange,
    now: Date,
    pending: PendingRequest = null,
  ): Promise<OrderRiskRow | null> {
    const row = await this.risks.find(tx, orderId);
    if (!row) return null;
    const before = { ...row, flags: [...row.flags] };
    Object.assign(row, change);
    const events = await this.assess(tx, row, before, now, pending);
    const moved =
      before.score !== row.score ||
      before.level !== row.level ||
      Object.keys(change).some((k) => before[k as keyof RiskChange] !== row[k as keyof RiskChange]);
    if (!moved && events.length === 0) return row;
    await this.risks.update(tx, row);
    this.publish(tx, row, events, 'disputes.risk-rescored');
    return row;
  }

  /** Locks every scored order of the buyer, in one order (before a request re-scores several). */
  async lockBuyer(tx: Tx, buyerId: string): Promise<void> {
    await this.risks.lockBuyer(tx, buyerId);
  }

  /** The buyer made a request on `requestOrderId`: their other open orders are scored again. */
  async rescoreBuyer(
    tx: Tx,
    buyerId: string,
    requestOrderId: string,
    kind: RequestKind,
    now: Date,
  ): Promise<void> {
    for (const orderId of await this.risks.openOrdersOfBuyer(tx, buyerId, requestOrderId))
      await this.change(tx, orderId, {}, now, { kind });
  }

  private async assess(
    tx: Tx,
    row: OrderRiskRow,
    before: OrderRiskRow | null,
    now: Date,
    pending: PendingRequest = null,
  ): Promise<DomainEvent<object>[]> {
    const since = new Date(now.getTime() - this.policy.serialReturner.windowDays * DAY_MS);
    const history = await this.risks.buyerHistory(tx, row.buyerId, since, row.orderId);
    const buyer = pending
      ? pending.kind === 'RETURN_AND_REFUND'
        ? { ...history, returns: history.returns + 1 }
        : { ...history, disputes: history.disputes + 1 }
      : history;
    const assessment = assessDisputeRisk(
      {
        address: row.facts.address,
        paymentMethod: row.facts.paymentMethod,
        paymentCountry: row.facts.paymentCountry,
        buyer,
        lateShipment: row.lateShipment,
        logisticsStalled: row.logisticsStalled,
      },
      this.policy,
    );
    row.score = assessment.score;
    row.level = assessment.level;
    row.reasons = assessment.reasons;
    row.scoredAt = now;
    const flags: string[] = row.closed ? [] : riskFlagCodes(assessment);
    const events: DomainEvent<object>[] = [];
    const event = <P extends object>(type: string, payload: P) =>
      events.push(disputeEvent(type, 'order', row.orderId, now, payload));
    for (const code of flags.filter((c) => !row.flags.includes(c))) {
      const reasons = assessment.reasons.filter((r) => r.signal === code).map((r) => r.message);
      event<RiskFlagRaisedV1>(DisputeEvents.RiskFlagRaised, {
        code,
        severity: 'medium',
        storeId: row.storeId,
        orderId: row.orderId,
        reason: reasons.join('; '),
      });
    }
    for (const code of row.flags.filter((c) => !flags.includes(c)))
      event<RiskFlagClearedV1>(DisputeEvents.RiskFlagCleared, {
        code,
        storeId: row.storeId,
        orderId: row.orderId,
        reason: row.closed ? 'the order closed' : 'the signal no longer holds',
      });
    row.flags = flags;
    const wasHigh = before?.level === 'HIGH';
    const isHigh = row.level === 'HIGH' && !row.closed;
    if ((isHigh && (!wasHigh || before?.score !== row.score)) || (wasHigh && !isHigh))
      event<DisputeRiskScoredV1>(DisputeEvents.DisputeRiskScored, {
        orderId: row.orderId,
        storeId: row.storeId,
        buyerId: row.buyerId,
        score: row.score,
        level: row.level,
        reasons: row.reasons,
        scoredAt: now.toISOString(),
      });
    return events;
  }

  private publish(tx: Tx, row: OrderRiskRow, events: DomainEvent<object>[], action: string): void {
    tx.publish(events, {
      action,
      subjectType: 'order-risk',
      subjectId: row.orderId,
      storeId: row.storeId,
      changes: {
        score: row.score,
        level: row.level,
        flags: row.flags,
        lateShipment: row.lateShipment,
        logisticsStalled: row.logisticsStalled,
        closed: row.closed,
        disputed: row.disputed,
      },
    });
  }
}
