import { AggregateRoot, Deadline, Money, newId, ValidationError } from '@tradehub/kernel';
import {
  type FundsFrozenV1,
  type FundsReleasedV1,
  type FundStatus,
  type FundStatusChangedV1,
  type HoldDecidedV1,
  type RefundPostedV1,
  type ReviewHeldV1,
  type ReviewPassedV1,
  type ReviewStartedV1,
  SettlementEvents,
} from '../contract/events';
import { holdReasons, type HoldSignals } from './hold-policy';
import { settlementEvent } from './settlement-event';
import { entry, type EntryDraft } from './ledger';
import { commissionOf, commissionRefundedFor } from './proceeds';
import { refundExceedsRefundable, refundIdReused, reviewNotHeld } from './settlement.errors';
import { releaseDueAt, reviewStartsAt, type SettlementSchedulePolicy } from './settlement-schedule';

export const REVIEW_TIMER = 'settlement.review';
export const RELEASE_TIMER = 'settlement.release';

/** What Settlement knows of an order before it is delivered (from Orders). */
export interface OrderTerms {
  orderId: string;
  storeId: string;
  sellerId: string;
  total: Money;
}

export interface RefundRecord {
  refundId: string;
  amountMinor: string;
  commissionReturnedMinor: string;
  takenFrom: 'FROZEN' | 'AVAILABLE' | 'NOT_FROZEN_YET';
  entryId: string | null;
  postedAt: string;
}

export interface HoldDecision {
  decision: 'RELEASE' | 'KEEP_HOLDING';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface SettlementOrderState {
  id: string;
  storeId: string;
  sellerId: string;
  currency: string;
  totalMinor: bigint;
  commissionMinor: bigint;
  refundedMinor: bigint;
  commissionRefundedMinor: bigint;
  /** What of this order is frozen now (its share of the store's frozen balance). */
  frozenMinor: bigint;
  releasedMinor: bigint;
  fundStatus: FundStatus;
  deliveredAt: Date | null;
  reviewAt: Date | null;
  releaseAt: Date | null;
  reviewedAt: Date | null;
  /** When the money was last held (at the day-5 review, or at day 7 for a signal after it). */
  heldAt: Date | null;
  holdReasons: string[];
  decisions: HoldDecision[];
  releasedAt: Date | null;
  /** SET-7: delivery to release. */
  payoutCycleSeconds: number | null;
  refunds: RefundRecord[];
  version: number;
}

export const MAX_DECISION_REASON = 1000;

/**
 * One order's money from delivery to release (SET-1..3, SET-5, SET-7). Each step returns the
 * journal entry it needs posted in the same transaction; the aggregate's own guards make each step
 * happen once, and the entry's key refuses a second posting in the database as well.
 */
export class SettlementOrder extends AggregateRoot implements SettlementOrderState {
  id!: string;
  storeId!: string;
  sellerId!: string;
  currency!: string;
  totalMinor!: bigint;
  commissionMinor!: bigint;
  refundedMinor!: bigint;
  commissionRefundedMinor!: bigint;
  frozenMinor!: bigint;
  releasedMinor!: bigint;
  fundStatus!: FundStatus;
  deliveredAt!: Date | null;
  reviewAt!: Date | null;
  releaseAt!: Date | null;
  reviewedAt!: Date | null;
  heldAt!: Date | null;
  holdReasons!: string[];
  decisions!: HoldDecision[];
  releasedAt!: Date | null;
  payoutCycleSeconds!: number | null;
  refunds!: RefundRecord[];
  version!: number;

  constructor(state: SettlementOrderState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'settlement-order';
  }

  override deadlines(): Deadline[] {
    return [
      { kind: REVIEW_TIMER, dueAt: this.fundStatus === 'FROZEN' ? this.reviewAt : null },
      { kind: RELEASE_TIMER, dueAt: this.fundStatus === 'IN_REVIEW' ? this.releaseAt : null },
    ];
  }

  /** An order Settlement starts to follow: at its delivery, or at a refund before it. */
  static open(terms: OrderTerms, commissionBps: number): SettlementOrder {
    return new SettlementOrder({
      id: terms.orderId,
      storeId: terms.storeId,
      sellerId: terms.sellerId,
      currency: terms.total.currency,
      totalMinor: terms.total.minor,
      commissionMinor: commissionOf(terms.total.minor, commissionBps),
      refundedMinor: 0n,
      commissionRefundedMinor: 0n,
      frozenMinor: 0n,
      releasedMinor: 0n,
      fundStatus: 'NOT_DUE',
      deliveredAt: null,
      reviewAt: null,
      releaseAt: null,
      reviewedAt: null,
      heldAt: null,
      holdReasons: [],
      decisions: [],
      releasedAt: null,
      payoutCycleSeconds: null,
      refunds: [],
      version: 1,
    });
  }

  /** SET-1: frozen at the delivery instant S; the review and release clocks start. Null when already frozen. */
  freeze(deliveredAt: Date, now: Date, policy: SettlementSchedulePolicy): EntryDraft | null {
    if (this.fundStatus !== 'NOT_DUE') return null;
    const stillPaid = this.totalMinor - this.refundedMinor;
    const commission = this.commissionMinor - this.commissionRefundedMinor;
    const proceeds = stillPaid - commission;
    this.deliveredAt = deliveredAt;
    this.reviewAt = reviewStartsAt(deliveredAt, policy);
    this.releaseAt = releaseDueAt(deliveredAt, policy);
    this.frozenMinor = proceeds;
    const draft = this.draft('FREEZE', `freeze:${this.id}`, deliveredAt, [
      { storeId: this.storeId, kind: 'FROZEN', amount: proceeds },
      { storeId: null, kind: 'COMMISSION_REVENUE', amount: commission },
      { storeId: null, kind: 'CLEARING', amount: -stillPaid },
    ]);
    this.changed('settlement.funds-frozen');
    this.emit<FundsFrozenV1>(SettlementEvents.FundsFrozen, now, {
      ...this.ref(),
      entryId: draft?.id ?? '',
      total: this.money(this.totalMinor),
      commission: this.money(commission),
      proceeds: this.money(proceeds),
      deliveredAt: deliveredAt.toISOString(),
      reviewAt: this.reviewAt.toISOString(),
      releaseAt: this.releaseAt.toISOString(),
    });
    this.moveTo('FROZEN', now);
    return draft;
  }

  /** SET-2: the day-5 review; held with its reasons, or passed with the release scheduled. */
  startReview(now: Date, signals: HoldSignals): void {
    if (this.fundStatus !== 'FROZEN') return;
    this.reviewedAt = now;
    this.emit<ReviewStartedV1>(SettlementEvents.ReviewStarted, now, {
      ...this.ref(),
      startedAt: now.toISOString(),
    });
    if (this.holdFor(signals, now)) return;
    this.changed('settlement.review-passed');
    this.emit<ReviewPassedV1>(SettlementEvents.ReviewPassed, now, {
      ...this.ref(),
      releaseAt: this.releaseAt!.toISOString(),
    });
    this.moveTo('IN_REVIEW', now);
  }

  /** SET-3: the day-7 release of a passed review; a hold reason that appeared since holds it instead. */
  releaseWhenDue(now: Date, signals: HoldSignals): EntryDraft | null {
    if (this.fundStatus !== 'IN_REVIEW') return null;
    if (this.holdFor(signals, now)) return null;
    return this.release(now);
  }

  /**
   * SET-3: an operator's decision on a held review: release (at once when day 7 has passed, else
   * at day 7) or keep holding; the reason is required and the decision is audited.
   */
  decide(
    decision: HoldDecision['decision'],
    reason: string,
    decidedBy: string,
    now: Date,
  ): EntryDraft | null {
    if (this.fundStatus !== 'HELD') throw reviewNotHeld(this.fundStatus);
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_DECISION_REASON)
      throw new ValidationError(`a reason of 1 to ${MAX_DECISION_REASON} characters is required`, 'reason');
    const record: HoldDecision = { decision, reason: why, decidedBy, decidedAt: now.toISOString() };
    this.decisions = [...this.decisions, record];
    this.changed(decision === 'RELEASE' ? 'settlement.hold-released' : 'settlement.hold-kept');
    this.emit<HoldDecidedV1>(SettlementEvents.HoldDecided, now, { ...this.ref(), ...record });
    if (decision === 'KEEP_HOLDING') return null;
    if (now.getTime() >= this.releaseAt!.getTime()) return this.release(now);
    this.moveTo('IN_REVIEW', now);
    return null;
  }

  /**
   * SET-5: a refund of `amount`. Before release it comes out of the frozen funds, after release out
   * of the available balance (which may go negative); before delivery nothing is frozen yet, so the
   * proceeds to freeze shrink. The commission is given back in proportion. A repeat of the same
   * refund id changes nothing and answers the first record.
   */
  refund(refundId: string, amount: Money, now: Date): { record: RefundRecord; draft: EntryDraft | null } {
    const seen = this.refunds.find((r) => r.refundId === refundId);
    if (seen) {
      if (seen.amountMinor !== amount.minor.toString() || amount.currency !== this.currency)
        throw refundIdReused();
      return { record: seen, draft: null };
    }
    if (amount.currency !== this.currency)
      throw new ValidationError(`the order is settled in ${this.currency}`, 'currency');
    if (amount.minor <= 0n)
      throw new ValidationError('a refund is a positive number of minor units', 'amount');
    const refundable = this.totalMinor - this.refundedMinor;
    if (amount.minor > refundable) throw refundExceedsRefundable(refundable, this.currency);
    const refunded = this.refundedMinor + amount.minor;
    const commissionBack =
      commissionRefundedFor(this.totalMinor, this.commissionMinor, refunded) - this.commissionRefundedMinor;
    const sellerShare = amount.minor - commissionBack;
    this.refundedMinor = refunded;
    this.commissionRefundedMinor += commissionBack;
    const takenFrom =
      this.fundStatus === 'NOT_DUE'
        ? 'NOT_FROZEN_YET'
        : this.fundStatus === 'RELEASED'
          ? 'AVAILABLE'
          : 'FROZEN';
    let draft: EntryDraft | null = null;
    if (takenFrom !== 'NOT_FROZEN_YET') {
      if (takenFrom === 'FROZEN') this.frozenMinor -= sellerShare;
      draft = this.draft('REFUND', `refund:${refundId}`, now, [
        { storeId: this.storeId, kind: takenFrom, amount: -sellerShare },
        { storeId: null, kind: 'COMMISSION_REVENUE', amount: -commissionBack },
        { storeId: null, kind: 'CLEARING', amount: amount.minor },
      ]);
    }
    const record: RefundRecord = {
      refundId,
      amountMinor: amount.minor.toString(),
      commissionReturnedMinor: commissionBack.toString(),
      takenFrom,
      entryId: draft?.id ?? null,
      postedAt: now.toISOString(),
    };
    this.refunds = [...this.refunds, record];
    this.changed('settlement.refund-posted');
    this.emit<RefundPostedV1>(SettlementEvents.RefundPosted, now, {
      ...this.ref(),
      refundId,
      entryId: record.entryId,
      amount: this.money(amount.minor),
      commissionReturned: this.money(commissionBack),
      takenFrom,
      postedAt: record.postedAt,
    });
    return { record, draft };
  }

  private holdFor(signals: HoldSignals, now: Date): boolean {
    const reasons = holdReasons(signals);
    if (reasons.length === 0) return false;
    this.holdReasons = reasons;
    this.heldAt = now;
    this.changed('settlement.review-held');
    this.emit<ReviewHeldV1>(SettlementEvents.ReviewHeld, now, {
      ...this.ref(),
      reasons,
      heldAt: now.toISOString(),
    });
    this.moveTo('HELD', now);
    return true;
  }

  private release(now: Date): EntryDraft | null {
    const amount = this.frozenMinor;
    const draft = this.draft('RELEASE', `release:${this.id}`, now, [
      { storeId: this.storeId, kind: 'FROZEN', amount: -amount },
      { storeId: this.storeId, kind: 'AVAILABLE', amount },
    ]);
    this.frozenMinor = 0n;
    this.releasedMinor = amount;
    this.releasedAt = now;
    this.payoutCycleSeconds = Math.round((now.getTime() - this.deliveredAt!.getTime()) / 1000);
    this.changed('settlement.funds-released');
    this.emit<FundsReleasedV1>(SettlementEvents.FundsReleased, now, {
      ...this.ref(),
      entryId: draft?.id ?? null,
      amount: this.money(amount),
      deliveredAt: this.deliveredAt!.toISOString(),
      releasedAt: now.toISOString(),
      payoutCycleSeconds: this.payoutCycleSeconds,
    });
    this.moveTo('RELEASED', now);
    return draft;
  }

  /** The entry of a step, or null when every leg is zero (a fully refunded order releases nothing). */
  private draft(
    kind: EntryDraft['kind'],
    key: string,
    occurredAt: Date,
    legs: EntryDraft['legs'],
  ): EntryDraft | null {
    const draft = entry({
      id: newId(),
      key,
      kind,
      storeId: this.storeId,
      orderId: this.id,
      currency: this.currency,
      occurredAt,
      legs,
    });
    return draft.legs.length === 0 ? null : draft;
  }

  private moveTo(to: FundStatus, now: Date): void {
    const from = this.fundStatus;
    this.fundStatus = to;
    this.emit<FundStatusChangedV1>(SettlementEvents.FundStatusChanged, now, {
      ...this.ref(),
      from,
      to,
      at: now.toISOString(),
    });
  }

  private ref(): { orderId: string; storeId: string } {
    return { orderId: this.id, storeId: this.storeId };
  }

  private money(minor: bigint): { minor: string; currency: string } {
    return { minor: minor.toString(), currency: this.currency };
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise(settlementEvent(type, 'order', this.id, now, payload));
  }
}
