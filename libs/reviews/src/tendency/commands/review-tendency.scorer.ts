import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent, RiskFlagRaisedV1 } from '@tradehub/kernel';
import type { Tx } from '@tradehub/platform';
import { ReviewEvents, type RiskFlagClearedV1 } from '../../contract/events';
import { reviewEvent } from '../../domain/review-event';
import { OrderTendencyRepository, type OrderTendencyRow } from '../database/order-tendency.repository';
import { assessReviewTendency, NEGATIVE_REVIEW_TENDENCY, type ReviewTendencyPolicy } from '../domain';
import { TENDENCY_POLICY } from '../tendency.config';

const DAY_MS = 86_400_000;

/** A signal of an order changed; what is absent stays as it was. */
export type TendencyChange = Partial<
  Pick<OrderTendencyRow, 'lateShipment' | 'logisticsStalled' | 'openIssue' | 'closed'>
> & {
  /** Why the order closed, as the cleared flag's reason says it (default "the order closed"). */
  closedBecause?: string;
};

/** A review of the buyer received in this very transaction, on the order the caller names. */
export type PendingReview = { lowRating: boolean } | null;

/** Whom REV-6 follows: an order as Orders placed it. */
export interface TrackedOrder {
  orderId: string;
  storeId: string;
  buyerId: string;
}

/**
 * REV-6: scores an open order when it is placed and again whenever one of its signals changes or
 * its buyer reviews another order; raises NEGATIVE_REVIEW_TENDENCY (risk type 14) with its reasons
 * when the order reaches the flag score and clears it when it falls below or the order closes. Each
 * change is audited with its events (CMP-6).
 */
@Injectable()
export class ReviewTendencyScorer {
  constructor(
    private readonly tendencies: OrderTendencyRepository,
    @Inject(TENDENCY_POLICY) private readonly policy: ReviewTendencyPolicy,
  ) {}

  /** The order's first score, when it is placed; false (and nothing written) when it was tracked already. */
  async track(tx: Tx, order: TrackedOrder, now: Date): Promise<boolean> {
    await this.tendencies.lockBuyer(tx, order.buyerId);
    const row: OrderTendencyRow = {
      ...order,
      lateShipment: false,
      logisticsStalled: false,
      openIssue: false,
      closed: false,
      score: 0,
      flagged: false,
      reasons: [],
      scoredAt: now,
    };
    const events = await this.assess(tx, row, false, now, null, undefined);
    if (!(await this.tendencies.insert(tx, row))) return false;
    this.publish(tx, null, row, events, 'reviews.tendency-tracked');
    return true;
  }

  /**
   * A signal of a tracked order changed (closed: cancelled or reviewed); the row is locked, scored
   * again and written when anything moved. An order never tracked (placed before this context ran)
   * is skipped: null. `pending` is a review of the buyer on another order received in this
   * transaction (see rescoreBuyer).
   */
  async change(
    tx: Tx,
    orderId: string,
    change: TendencyChange,
    now: Date,
    pending: { orderId: string; review: PendingReview } | null = null,
  ): Promise<OrderTendencyRow | null> {
    const row = await this.tendencies.find(tx, orderId);
    if (!row) return null;
    // A closed order (cancelled or reviewed) is done with: a later signal neither reopens nor re-scores it.
    if (row.closed) return row;
    const before = { ...row };
    const { closedBecause, ...signals } = change;
    Object.assign(row, signals);
    const events = await this.assess(tx, row, before.flagged, now, pending, closedBecause);
    const moved =
      before.score !== row.score ||
      before.flagged !== row.flagged ||
      JSON.stringify(before.reasons) !== JSON.stringify(row.reasons) ||
      (['lateShipment', 'logisticsStalled', 'openIssue', 'closed'] as const).some(
        (k) => before[k] !== row[k],
      );
    if (!moved && events.length === 0) return row;
    await this.tendencies.update(tx, row);
    this.publish(
      tx,
      before,
      row,
      events,
      row.closed && !before.closed ? 'reviews.tendency-closed' : 'reviews.tendency-rescored',
    );
    return row;
  }

  /** Locks every tracked order of the buyer, in one order (call it first when a transaction changes several). */
  async lockBuyer(tx: Tx, buyerId: string): Promise<void> {
    await this.tendencies.lockBuyer(tx, buyerId);
  }

  /**
   * The buyer reviewed `exceptOrderId`: their other open orders are scored again. `pending` is that
   * review when it was received in this transaction (counted here whether or not its row is written
   * yet); null when it is in the table already.
   */
  async rescoreBuyer(
    tx: Tx,
    buyerId: string,
    exceptOrderId: string,
    now: Date,
    pending: PendingReview,
  ): Promise<void> {
    await this.tendencies.lockBuyer(tx, buyerId);
    for (const orderId of await this.tendencies.openOrdersOfBuyer(tx, buyerId, exceptOrderId))
      await this.change(tx, orderId, {}, now, pending ? { orderId: exceptOrderId, review: pending } : null);
  }

  /**
   * REV-1 -> REV-6: a review of `orderId` was received in this transaction. The buyer's orders are
   * locked in one order first, then the reviewed order closes (its flag cleared) and the buyer's other
   * open orders are scored with the new review counted.
   */
  async reviewReceived(
    tx: Tx,
    review: { orderId: string; buyerId: string; overall: number },
    now: Date,
  ): Promise<void> {
    await this.tendencies.lockBuyer(tx, review.buyerId);
    await this.change(tx, review.orderId, { closed: true, closedBecause: 'the order was reviewed' }, now);
    await this.rescoreBuyer(tx, review.buyerId, review.orderId, now, { lowRating: review.overall <= 2 });
  }

  private async assess(
    tx: Tx,
    row: OrderTendencyRow,
    wasFlagged: boolean,
    now: Date,
    pending: { orderId: string; review: PendingReview } | null,
    closedBecause: string | undefined,
  ): Promise<DomainEvent<object>[]> {
    const since = new Date(now.getTime() - this.policy.buyer.windowDays * DAY_MS);
    const except = pending ? [row.orderId, pending.orderId] : [row.orderId];
    const history = await this.tendencies.buyerHistory(tx, row.buyerId, since, except);
    const buyer = pending?.review
      ? {
          reviews: history.reviews + 1,
          lowRatings: history.lowRatings + (pending.review.lowRating ? 1 : 0),
        }
      : history;
    const assessment = assessReviewTendency(
      {
        lateShipment: row.lateShipment,
        logisticsStalled: row.logisticsStalled,
        openIssue: row.openIssue,
        buyer,
      },
      this.policy,
    );
    row.score = assessment.score;
    row.reasons = assessment.reasons;
    row.flagged = assessment.flagged && !row.closed;
    row.scoredAt = now;
    const events: DomainEvent<object>[] = [];
    if (row.flagged && !wasFlagged)
      events.push(
        reviewEvent<RiskFlagRaisedV1>(ReviewEvents.RiskFlagRaised, row.orderId, now, {
          code: NEGATIVE_REVIEW_TENDENCY,
          severity: 'medium',
          storeId: row.storeId,
          orderId: row.orderId,
          reason: assessment.reasons
            .filter((r) => r.points > 0)
            .map((r) => r.message)
            .join('; '),
        }),
      );
    if (wasFlagged && !row.flagged)
      events.push(
        reviewEvent<RiskFlagClearedV1>(ReviewEvents.RiskFlagCleared, row.orderId, now, {
          code: NEGATIVE_REVIEW_TENDENCY,
          storeId: row.storeId,
          orderId: row.orderId,
          reason: row.closed
            ? (closedBecause ?? 'the order closed')
            : `the score fell to ${row.score}, below the flag score ${this.policy.flagScore}`,
        }),
      );
    return events;
  }

  /** CMP-6: the events with the audit record of what changed, each field as `{ from, to }` like the save path's. */
  private publish(
    tx: Tx,
    before: OrderTendencyRow | null,
    row: OrderTendencyRow,
    events: DomainEvent<object>[],
    action: string,
  ): void {
    const audited = (r: OrderTendencyRow) => ({
      score: r.score,
      flagged: r.flagged,
      reasons: r.reasons,
      lateShipment: r.lateShipment,
      logisticsStalled: r.logisticsStalled,
      openIssue: r.openIssue,
      closed: r.closed,
    });
    const from = before ? audited(before) : null;
    const to = audited(row);
    const changes = Object.fromEntries(
      (Object.keys(to) as (keyof typeof to)[])
        .filter((key) => !from || JSON.stringify(from[key]) !== JSON.stringify(to[key]))
        .map((key) => [key, { from: from ? from[key] : null, to: to[key] }]),
    );
    tx.publish(events, {
      action,
      subjectType: 'order-tendency',
      subjectId: row.orderId,
      storeId: row.storeId,
      changes,
    });
  }
}
