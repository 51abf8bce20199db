import {
  AggregateRoot,
  type Deadline,
  newId,
  type RiskFlagRaisedV1,
  RuleViolation,
  ValidationError,
} from '@tradehub/kernel';
import {
  type ArbitrationDecidedV1,
  type BuyerAnsweredOfferV1,
  DisputeEvents,
  type EscalatedV1,
  type IssueStatus,
  type IssueStatusChangedV1,
  type RefundAgreedV1,
  type RefundBasis,
  type RefundExecutedV1,
  type RefundRequestedV1,
  type RequestClosedV1,
  type RequestKind,
  type ReturnDeliveredV1,
  type ReturnShippedV1,
  type RiskFlagClearedV1,
  type SellerAnsweredV1,
} from '../contract/events';
import { disputeEvent } from './dispute-event';
import {
  afterHours,
  type DisputePolicy,
  type DisputeSchedulePolicy,
  endOfCalendarDay,
  warnBefore,
} from './dispute-schedule';
import { deadlinePassed, exceedsRefundable, notAwaiting, requestClosed } from './disputes.errors';
import type { EvidenceRef } from './evidence';
import type {
  AgreedRefund,
  Arbitration,
  Escalation,
  Inspection,
  RefundRequestState,
  RequestStatus,
  ReturnParcel,
  SellerAnswer,
} from './refund-request.state';

export const RESPONSE_WARN_TIMER = 'disputes.response-warn';
export const RESPONSE_DUE_TIMER = 'disputes.response-due';
export const BUYER_DUE_TIMER = 'disputes.buyer-due';
export const INSPECTION_WARN_TIMER = 'disputes.inspection-warn';
export const INSPECTION_DUE_TIMER = 'disputes.inspection-due';
export const POST_REFUND_TIMER = 'disputes.post-refund';

export const MAX_REASON = 1000;

export interface OpenRequestInput {
  marketplaceRequestId: string;
  orderId: string;
  storeId: string;
  sellerId: string;
  buyerId: string;
  currency: string;
  kind: RequestKind;
  amountMinor: bigint;
  reason: string;
  evidence: EvidenceRef[];
  /** What is still refundable on the order: its total less earlier requests' refunds. */
  refundableMinor: bigint;
}

export type SellerReply =
  | { answer: 'ACCEPT' }
  | { answer: 'PARTIAL'; amountMinor: bigint; reason: string; evidence: EvidenceRef[] }
  | { answer: 'REFUSE'; reason: string; evidence: EvidenceRef[] };

export type InspectionResult =
  | { decision: 'FULL' }
  | { decision: 'PARTIAL'; amountMinor: bigint; reason: string; evidence: EvidenceRef[] }
  | { decision: 'CONTEST'; reason: string; evidence: EvidenceRef[] };

const OPEN_FOR_ESCALATION: readonly RequestStatus[] = ['OFFERED', 'REFUSED'];

/**
 * A buyer's refund request (refund only, or return and refund) from its arrival to its close
 * (DSP-1..4). Each step checks the state it may happen in and its deadline, raises the events that
 * describe it and declares the durable timers of the next state; an agreed refund is posted by
 * Settlement (SET-5) before the request closes.
 */
export class RefundRequest extends AggregateRoot implements RefundRequestState {
  id!: string;
  marketplaceRequestId!: string;
  orderId!: string;
  storeId!: string;
  sellerId!: string;
  buyerId!: string;
  kind!: RequestKind;
  currency!: string;
  requestedMinor!: bigint;
  reason!: string;
  buyerEvidence!: EvidenceRef[];
  status!: RequestStatus;
  issueStatus!: IssueStatus;
  requestedAt!: Date;
  responseDueAt!: Date;
  responseWarnAt!: Date;
  buyerDueAt!: Date | null;
  inspectionDueAt!: Date | null;
  inspectionWarnAt!: Date | null;
  openFlags!: string[];
  answer!: SellerAnswer | null;
  returnParcel!: ReturnParcel | null;
  inspection!: Inspection | null;
  escalation!: Escalation | null;
  arbitration!: Arbitration | null;
  refund!: AgreedRefund | null;
  refundedMinor!: bigint;
  outcome!: string | null;
  closeReason!: string | null;
  closedAt!: Date | null;
  version!: number;

  constructor(state: RefundRequestState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'refund-request';
  }

  override deadlines(): Deadline[] {
    const s = this.status;
    const flagged = (code: string) => this.openFlags.includes(code);
    return [
      {
        kind: RESPONSE_WARN_TIMER,
        dueAt: s === 'AWAITING_SELLER' && !flagged('REFUND_RESPONSE_DUE') ? this.responseWarnAt : null,
      },
      { kind: RESPONSE_DUE_TIMER, dueAt: s === 'AWAITING_SELLER' ? this.responseDueAt : null },
      {
        kind: BUYER_DUE_TIMER,
        dueAt: ['OFFERED', 'REFUSED', 'AWAITING_RETURN', 'RETURN_IN_TRANSIT'].includes(s)
          ? this.buyerDueAt
          : null,
      },
      {
        kind: INSPECTION_WARN_TIMER,
        dueAt: s === 'INSPECTING' && !flagged('RETURN_INSPECTION_DUE') ? this.inspectionWarnAt : null,
      },
      { kind: INSPECTION_DUE_TIMER, dueAt: s === 'INSPECTING' ? this.inspectionDueAt : null },
      {
        kind: POST_REFUND_TIMER,
        dueAt:
          s === 'REFUNDING' && this.refund
            ? new Date(this.refund.nextAttemptAt ?? this.refund.agreedAt)
            : null,
      },
    ];
  }

  /** A buyer's request on a shipped or delivered order; DSP-1's answer clock starts. */
  static open(input: OpenRequestInput, now: Date, policy: DisputeSchedulePolicy): RefundRequest {
    if (input.amountMinor <= 0n)
      throw new ValidationError('a refund is a positive number of minor units', 'amount.minor');
    if (input.amountMinor > input.refundableMinor)
      throw exceedsRefundable(input.refundableMinor, input.currency);
    const responseDueAt = endOfCalendarDay(now, policy.responseDays);
    const request = new RefundRequest({
      id: newId(),
      marketplaceRequestId: input.marketplaceRequestId,
      orderId: input.orderId,
      storeId: input.storeId,
      sellerId: input.sellerId,
      buyerId: input.buyerId,
      kind: input.kind,
      currency: input.currency,
      requestedMinor: input.amountMinor,
      reason: required(input.reason, 'reason'),
      buyerEvidence: input.evidence,
      status: 'AWAITING_SELLER',
      issueStatus: 'NONE',
      requestedAt: now,
      responseDueAt,
      responseWarnAt: warnBefore(responseDueAt, policy.responseWarnHours, now),
      buyerDueAt: null,
      inspectionDueAt: null,
      inspectionWarnAt: null,
      openFlags: [],
      answer: null,
      returnParcel: null,
      inspection: null,
      escalation: null,
      arbitration: null,
      refund: null,
      refundedMinor: 0n,
      outcome: null,
      closeReason: null,
      closedAt: null,
      version: 1,
    });
    request.changed('disputes.refund-requested');
    request.emit<RefundRequestedV1>(DisputeEvents.RefundRequested, now, {
      ...request.ref(),
      marketplaceRequestId: input.marketplaceRequestId,
      buyerId: input.buyerId,
      kind: input.kind,
      amount: request.money(input.amountMinor),
      reason: request.reason,
      evidence: input.evidence,
      requestedAt: now.toISOString(),
      responseDueAt: responseDueAt.toISOString(),
    });
    request.moveIssue('OPEN', now);
    return request;
  }

  /** The same marketplace request again: the same order, kind and amount (a redelivery). */
  sameAs(input: Pick<OpenRequestInput, 'orderId' | 'kind' | 'amountMinor'>): boolean {
    return (
      input.orderId === this.orderId && input.kind === this.kind && input.amountMinor === this.requestedMinor
    );
  }

  /**
   * DSP-1: the seller's one answer, before the deadline. Accepting a refund-only request agrees the
   * full refund; accepting a return starts the return (DSP-3); a partial offer waits for the buyer;
   * a refusal may be escalated by the buyer (DSP-4).
   */
  answerAsSeller(reply: SellerReply, by: string, now: Date, policy: DisputePolicy): void {
    if (this.status !== 'AWAITING_SELLER') {
      if (this.answer?.automatic || now.getTime() >= this.responseDueAt.getTime())
        throw deadlinePassed("the seller's answer", this.responseDueAt);
      throw notAwaiting("the seller's answer", this.status);
    }
    if (now.getTime() >= this.responseDueAt.getTime())
      throw deadlinePassed("the seller's answer", this.responseDueAt);
    const base = { answeredBy: by, answeredAt: now.toISOString(), automatic: false };
    if (reply.answer === 'ACCEPT') {
      this.answer = {
        ...base,
        answer: 'ACCEPT',
        amountMinor: this.requestedMinor.toString(),
        reason: null,
        evidence: [],
      };
      this.changed('disputes.seller-accepted');
    } else if (reply.answer === 'PARTIAL') {
      if (reply.amountMinor <= 0n || reply.amountMinor >= this.requestedMinor)
        throw new ValidationError(
          `a partial refund is more than 0 and less than the ${this.requestedMinor} requested`,
          'amount.minor',
        );
      requireEvidence(reply.evidence);
      this.answer = {
        ...base,
        answer: 'PARTIAL',
        amountMinor: reply.amountMinor.toString(),
        reason: required(reply.reason, 'reason'),
        evidence: reply.evidence,
      };
      this.changed('disputes.seller-offered-partial');
    } else {
      if (!policy.refusalReasons.includes(reply.reason))
        throw new RuleViolation(
          'REFUSAL_REASON_NOT_ALLOWED',
          `a refusal names one of the platform's reasons: ${policy.refusalReasons.join(', ')}`,
          'reason',
        );
      requireEvidence(reply.evidence);
      this.answer = {
        ...base,
        answer: 'REFUSE',
        amountMinor: null,
        reason: reply.reason,
        evidence: reply.evidence,
      };
      this.changed('disputes.seller-refused');
    }
    this.clearFlag('REFUND_RESPONSE_DUE', 'the seller answered', now);
    this.afterAnswer(now, policy);
  }

  /** DSP-2: no answer by the deadline accepts the full requested refund for the seller. */
  lapseResponse(now: Date, policy: DisputeSchedulePolicy): void {
    if (this.status !== 'AWAITING_SELLER' || now.getTime() < this.responseDueAt.getTime()) return;
    this.answer = {
      answer: 'ACCEPT',
      amountMinor: this.requestedMinor.toString(),
      reason: 'no answer by the deadline (DSP-2)',
      evidence: [],
      answeredBy: 'system',
      answeredAt: now.toISOString(),
      automatic: true,
    };
    this.changed('disputes.response-lapsed');
    this.clearFlag('REFUND_RESPONSE_DUE', 'the deadline passed; the refund was accepted automatically', now);
    this.afterAnswer(now, policy);
  }

  /** REFUND_RESPONSE_DUE (risk type 9) before the answer deadline. */
  warnResponseDue(now: Date): void {
    if (this.status !== 'AWAITING_SELLER' || this.openFlags.includes('REFUND_RESPONSE_DUE')) return;
    this.changed('disputes.response-due-warned');
    this.raiseFlag(
      'REFUND_RESPONSE_DUE',
      'high',
      `refund request unanswered; the answer is due before ${this.responseDueAt.toISOString()}`,
      now,
    );
  }

  /** The buyer accepted the partial offer (the refund follows) or declined it (arbitration, DSP-4). */
  answerOffer(answer: 'ACCEPT' | 'DECLINE', now: Date): void {
    if (this.status !== 'OFFERED') {
      if (this.status === 'CLOSED') throw requestClosed();
      throw notAwaiting("the buyer's answer to an offer", this.status);
    }
    if (now.getTime() >= this.buyerDueAt!.getTime())
      throw deadlinePassed("the buyer's answer", this.buyerDueAt!);
    this.changed(answer === 'ACCEPT' ? 'disputes.offer-accepted' : 'disputes.offer-declined');
    this.emit<BuyerAnsweredOfferV1>(DisputeEvents.BuyerAnsweredOffer, now, {
      ...this.ref(),
      answer,
      answeredAt: now.toISOString(),
    });
    if (answer === 'ACCEPT') this.agree(BigInt(this.answer!.amountMinor!), 'BUYER_ACCEPTED_OFFER', now);
    else this.escalateTo('BUYER', 'the buyer declined the partial offer', now);
  }

  /**
   * The buyer's time ran out: an unanswered offer is taken as accepted, an unescalated refusal
   * stands, an unshipped return ends the request without a refund, and a return that never reached
   * the seller (lost, or its scans never matched) goes to an operator rather than waiting for ever.
   */
  lapseBuyer(now: Date): void {
    if (!this.buyerDueAt || now.getTime() < this.buyerDueAt.getTime()) return;
    if (this.status === 'OFFERED') {
      this.changed('disputes.offer-lapsed');
      this.agree(BigInt(this.answer!.amountMinor!), 'OFFER_UNANSWERED', now);
    } else if (this.status === 'REFUSED') {
      this.changed('disputes.refusal-stood');
      this.close('NOT_REFUNDED', 'the buyer did not escalate the refusal in time', now);
    } else if (this.status === 'AWAITING_RETURN') {
      this.changed('disputes.return-not-shipped');
      this.close('NOT_REFUNDED', 'the buyer did not ship the return in time', now);
    } else if (this.status === 'RETURN_IN_TRANSIT') {
      this.changed('disputes.return-not-delivered');
      this.escalateTo(
        'SYSTEM',
        `the return parcel was not delivered to the seller by ${this.buyerDueAt.toISOString()}`,
        now,
      );
    }
  }

  /** DSP-3: the buyer shipped the return parcel under its own tracking. A repeat of the same parcel changes nothing. */
  shipReturn(carrierCode: string, trackingNumber: string, now: Date, policy: DisputePolicy): void {
    const parcel = this.returnParcel;
    if (parcel && parcel.carrierCode === carrierCode && parcel.trackingNumber === trackingNumber) return;
    if (this.status !== 'AWAITING_RETURN') throw notAwaiting('a return parcel', this.status);
    if (now.getTime() >= this.buyerDueAt!.getTime())
      throw deadlinePassed('the return parcel', this.buyerDueAt!);
    this.returnParcel = { carrierCode, trackingNumber, shippedAt: now.toISOString(), deliveredAt: null };
    this.buyerDueAt = endOfCalendarDay(now, policy.returnTransitDays);
    this.status = 'RETURN_IN_TRANSIT';
    this.changed('disputes.return-shipped');
    this.emit<ReturnShippedV1>(DisputeEvents.ReturnShipped, now, {
      ...this.ref(),
      carrierCode,
      trackingNumber,
      shippedAt: now.toISOString(),
    });
  }

  /**
   * DSP-3: the return was delivered to the seller at `scannedAt`; 48 elapsed hours of inspection start
   * there. A scan time before the parcel was shipped or after now is taken as the nearer of the two,
   * so a wrong carrier clock neither skips the inspection nor puts it off.
   */
  deliverReturn(scannedAt: Date, now: Date, policy: DisputeSchedulePolicy): boolean {
    if (this.status !== 'RETURN_IN_TRANSIT') return false;
    const shippedAt = new Date(this.returnParcel!.shippedAt).getTime();
    const deliveredAt = new Date(Math.min(Math.max(scannedAt.getTime(), shippedAt), now.getTime()));
    this.returnParcel = { ...this.returnParcel!, deliveredAt: deliveredAt.toISOString() };
    this.inspectionDueAt = afterHours(deliveredAt, policy.inspectionHours);
    this.inspectionWarnAt = warnBefore(this.inspectionDueAt, policy.inspectionWarnHours, deliveredAt);
    this.status = 'INSPECTING';
    this.changed('disputes.return-delivered');
    this.emit<ReturnDeliveredV1>(DisputeEvents.ReturnDelivered, now, {
      ...this.ref(),
      deliveredAt: deliveredAt.toISOString(),
      inspectionDueAt: this.inspectionDueAt.toISOString(),
    });
    this.moveIssue('OPEN', now);
    return true;
  }

  /** RETURN_INSPECTION_DUE (risk type 10) before the inspection ends. */
  warnInspectionDue(now: Date): void {
    if (this.status !== 'INSPECTING' || this.openFlags.includes('RETURN_INSPECTION_DUE')) return;
    this.changed('disputes.inspection-due-warned');
    this.raiseFlag(
      'RETURN_INSPECTION_DUE',
      'high',
      `returned parcel not inspected; the refund executes at ${this.inspectionDueAt!.toISOString()}`,
      now,
    );
  }

  /** DSP-3: the seller confirms the refund (full, or partial with evidence) or contests the goods (DSP-4). */
  inspect(result: InspectionResult, by: string, now: Date): void {
    if (this.status !== 'INSPECTING') {
      if (this.status === 'CLOSED') throw requestClosed();
      throw notAwaiting("the seller's inspection", this.status);
    }
    if (now.getTime() >= this.inspectionDueAt!.getTime())
      throw deadlinePassed('the inspection', this.inspectionDueAt!);
    const at = now.toISOString();
    this.clearFlag('RETURN_INSPECTION_DUE', 'the seller inspected the return', now);
    if (result.decision === 'FULL') {
      this.inspection = {
        decision: 'FULL',
        amountMinor: this.requestedMinor.toString(),
        reason: null,
        evidence: [],
        by,
        at,
      };
      this.changed('disputes.return-inspected');
      this.agree(this.requestedMinor, 'INSPECTION_CONFIRMED', now);
      return;
    }
    requireEvidence(result.evidence);
    const reason = required(result.reason, 'reason');
    if (result.decision === 'PARTIAL') {
      if (result.amountMinor <= 0n || result.amountMinor >= this.requestedMinor)
        throw new ValidationError(
          `a partial refund is more than 0 and less than the ${this.requestedMinor} requested`,
          'amount.minor',
        );
      this.inspection = {
        decision: 'PARTIAL',
        amountMinor: result.amountMinor.toString(),
        reason,
        evidence: result.evidence,
        by,
        at,
      };
      this.changed('disputes.return-inspected');
      this.agree(result.amountMinor, 'INSPECTION_CONFIRMED', now);
      return;
    }
    this.inspection = { decision: 'CONTEST', amountMinor: null, reason, evidence: result.evidence, by, at };
    this.changed('disputes.return-contested');
    this.escalateTo('SELLER', reason, now);
  }

  /** DSP-3: no action within the inspection: the refund executes as the buyer described. */
  lapseInspection(now: Date): void {
    if (this.status !== 'INSPECTING' || now.getTime() < this.inspectionDueAt!.getTime()) return;
    this.changed('disputes.inspection-lapsed');
    this.clearFlag('RETURN_INSPECTION_DUE', 'the inspection window passed; the refund executes', now);
    this.agree(this.requestedMinor, 'INSPECTION_LAPSED', now);
  }

  /** DSP-4: the buyer or the seller takes a refused request or a partial offer to arbitration. */
  escalate(by: 'BUYER' | 'SELLER', reason: string, now: Date): void {
    if (this.status === 'CLOSED') throw requestClosed();
    if (!OPEN_FOR_ESCALATION.includes(this.status))
      throw notAwaiting('an escalation (only a refusal or a partial offer can be escalated)', this.status);
    if (now.getTime() >= this.buyerDueAt!.getTime()) throw deadlinePassed('an escalation', this.buyerDueAt!);
    this.changed('disputes.escalated');
    this.escalateTo(by, required(reason, 'reason'), now);
  }

  /** DSP-4: the operator's decision (audited) drives the refund and closes the request. */
  arbitrate(
    decision: Arbitration['decision'],
    amountMinor: bigint | null,
    reason: string,
    by: string,
    now: Date,
  ): void {
    if (this.status === 'CLOSED') throw requestClosed();
    if (this.status !== 'ESCALATED') throw notAwaiting('an arbitration decision', this.status);
    const amount =
      decision === 'FULL' ? this.requestedMinor : decision === 'NONE' ? 0n : (amountMinor ?? -1n);
    if (decision === 'PARTIAL' && (amount <= 0n || amount >= this.requestedMinor))
      throw new ValidationError(
        `a partial refund is more than 0 and less than the ${this.requestedMinor} requested`,
        'amount.minor',
      );
    if (decision !== 'PARTIAL' && amountMinor !== null && amountMinor !== amount)
      throw new ValidationError(
        `a ${decision} decision refunds ${amount}; leave the amount out`,
        'amount.minor',
      );
    const record: Arbitration = {
      decision,
      amountMinor: amount.toString(),
      reason: required(reason, 'reason'),
      decidedBy: by,
      decidedAt: now.toISOString(),
    };
    this.arbitration = record;
    this.changed('disputes.arbitration-decided');
    this.emit<ArbitrationDecidedV1>(DisputeEvents.ArbitrationDecided, now, {
      ...this.ref(),
      decision,
      amount: this.money(amount),
      reason: record.reason,
      decidedBy: by,
      decidedAt: record.decidedAt,
    });
    if (decision === 'NONE') this.close('NOT_REFUNDED', `arbitration: ${record.reason}`, now);
    else this.agree(amount, 'ARBITRATION', now);
  }

  /** Settlement posted the agreed refund (SET-5): the request closes. */
  refundPosted(result: { entryId: string | null; takenFrom: string }, now: Date): void {
    if (this.status !== 'REFUNDING' || !this.refund) return;
    const at = now.toISOString();
    this.refund = { ...this.refund, postedAt: at, entryId: result.entryId, takenFrom: result.takenFrom };
    const amount = BigInt(this.refund.amountMinor);
    this.refundedMinor = amount;
    this.changed('disputes.refund-executed');
    this.emit<RefundExecutedV1>(DisputeEvents.RefundExecuted, now, {
      ...this.ref(),
      refundId: this.refund.refundId,
      amount: this.money(amount),
      entryId: result.entryId,
      takenFrom: result.takenFrom,
      executedAt: at,
    });
    this.close(
      amount === this.requestedMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
      basisText(this.refund.basis),
      now,
    );
  }

  /**
   * Settlement could not answer now (unavailable, a concurrent change): the refund is tried again
   * later, backing off, and after `maxAttempts` an operator takes it over instead of it waiting unseen.
   */
  refundDeferred(reason: string, now: Date, maxAttempts: number): void {
    if (this.status !== 'REFUNDING' || !this.refund) return;
    const attempts = (this.refund.attempts ?? 0) + 1;
    if (attempts >= maxAttempts) {
      this.refundRefused(`not posted after ${attempts} attempts, last: ${reason}`, now);
      return;
    }
    const delayMs = Math.min(2 ** attempts, 3600) * 1000;
    this.refund = {
      ...this.refund,
      attempts,
      lastError: reason.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + delayMs).toISOString(),
    };
    this.changed('disputes.refund-deferred');
  }

  /** Settlement refused the refund (the order changed meanwhile): an operator decides instead. */
  refundRefused(reason: string, now: Date): void {
    if (this.status !== 'REFUNDING') return;
    this.refund = null;
    this.changed('disputes.refund-refused');
    this.escalateTo('SYSTEM', `Settlement refused the refund: ${reason}`, now);
  }

  /** The refund to post while REFUNDING, or null. */
  pendingRefund(): AgreedRefund | null {
    return this.status === 'REFUNDING' && this.refund && !this.refund.postedAt ? this.refund : null;
  }

  private afterAnswer(now: Date, policy: DisputeSchedulePolicy): void {
    const answer = this.answer!;
    this.emit<SellerAnsweredV1>(DisputeEvents.SellerAnswered, now, {
      ...this.ref(),
      answer: answer.answer,
      amount: answer.amountMinor === null ? null : this.money(BigInt(answer.amountMinor)),
      reason: answer.reason,
      evidence: answer.evidence,
      answeredBy: answer.answeredBy,
      answeredAt: answer.answeredAt,
      buyerDueAt:
        this.accepted() && this.kind === 'REFUND_ONLY'
          ? null
          : endOfCalendarDay(now, policy.buyerDays).toISOString(),
    });
    if (answer.answer === 'ACCEPT' && this.kind === 'REFUND_ONLY') {
      this.agree(this.requestedMinor, answer.automatic ? 'AUTO_ACCEPTED' : 'SELLER_ACCEPTED', now);
      return;
    }
    this.buyerDueAt = endOfCalendarDay(now, policy.buyerDays);
    this.status =
      answer.answer === 'ACCEPT' ? 'AWAITING_RETURN' : answer.answer === 'PARTIAL' ? 'OFFERED' : 'REFUSED';
  }

  private accepted(): boolean {
    return this.answer?.answer === 'ACCEPT';
  }

  private agree(amountMinor: bigint, basis: RefundBasis, now: Date): void {
    // One refund per request: its id is the request's, so Settlement posts it once (SET-5).
    this.refund = {
      refundId: this.id,
      amountMinor: amountMinor.toString(),
      basis,
      agreedAt: now.toISOString(),
      postedAt: null,
      entryId: null,
      takenFrom: null,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    };
    const inspected = this.status === 'INSPECTING';
    this.status = 'REFUNDING';
    this.emit<RefundAgreedV1>(DisputeEvents.RefundAgreed, now, {
      ...this.ref(),
      refundId: this.id,
      amount: this.money(amountMinor),
      basis,
      agreedAt: now.toISOString(),
    });
    // The parcel is inspected: the order no longer waits for the seller to examine the money.
    if (inspected && this.issueStatus === 'OPEN') this.moveIssue('OPEN', now);
  }

  private escalateTo(by: Escalation['by'], reason: string, now: Date): void {
    this.escalation = { by, reason, at: now.toISOString() };
    this.status = 'ESCALATED';
    this.emit<EscalatedV1>(DisputeEvents.Escalated, now, {
      ...this.ref(),
      escalatedBy: by,
      reason,
      escalatedAt: now.toISOString(),
    });
    this.moveIssue('ESCALATED', now);
  }

  private close(outcome: RequestClosedV1['outcome'], reason: string, now: Date): void {
    this.status = 'CLOSED';
    this.outcome = outcome;
    this.closeReason = reason;
    this.closedAt = now;
    this.emit<RequestClosedV1>(DisputeEvents.RequestClosed, now, {
      ...this.ref(),
      outcome,
      refunded: this.money(this.refundedMinor),
      reason,
      closedAt: now.toISOString(),
    });
    this.moveIssue('CLOSED', now);
  }

  private moveIssue(to: IssueStatus, now: Date): void {
    const from = this.issueStatus;
    this.issueStatus = to;
    this.emit<IssueStatusChangedV1>(DisputeEvents.IssueStatusChanged, now, {
      ...this.ref(),
      from,
      to,
      sellerExaminesAmount: this.status === 'INSPECTING',
      at: now.toISOString(),
    });
  }

  private raiseFlag(code: string, severity: RiskFlagRaisedV1['severity'], reason: string, now: Date): void {
    this.openFlags = [...this.openFlags, code];
    this.emit<RiskFlagRaisedV1>(DisputeEvents.RiskFlagRaised, now, {
      code,
      severity,
      storeId: this.storeId,
      orderId: this.orderId,
      reason,
    });
  }

  private clearFlag(code: string, reason: string, now: Date): void {
    if (!this.openFlags.includes(code)) return;
    this.openFlags = this.openFlags.filter((f) => f !== code);
    this.emit<RiskFlagClearedV1>(DisputeEvents.RiskFlagCleared, now, {
      code,
      storeId: this.storeId,
      orderId: this.orderId,
      reason,
    });
  }

  private ref(): { requestId: string; orderId: string; storeId: string } {
    return { requestId: this.id, orderId: this.orderId, storeId: this.storeId };
  }

  private money(minor: bigint): { minor: string; currency: string } {
    return { minor: minor.toString(), currency: this.currency };
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise(disputeEvent(type, 'order', this.orderId, now, payload));
  }
}

function required(text: string, field: string): string {
  const value = text.trim();
  if (value.length === 0 || value.length > MAX_REASON)
    throw new ValidationError(`a text of 1 to ${MAX_REASON} characters is required`, field);
  return value;
}

function requireEvidence(evidence: readonly EvidenceRef[]): void {
  if (evidence.length === 0) throw new ValidationError('at least one evidence file is required', 'evidence');
}

function basisText(basis: RefundBasis): string {
  const texts: Record<RefundBasis, string> = {
    SELLER_ACCEPTED: 'the seller accepted the refund',
    AUTO_ACCEPTED: 'no answer by the deadline: accepted automatically (DSP-2)',
    BUYER_ACCEPTED_OFFER: "the buyer accepted the seller's partial offer",
    OFFER_UNANSWERED: "the buyer did not answer the seller's partial offer in time",
    INSPECTION_CONFIRMED: 'the seller confirmed the refund after inspecting the return',
    INSPECTION_LAPSED: 'no inspection within the window: refunded as the buyer described (DSP-3)',
    ARBITRATION: "the platform's arbitration decided the refund (DSP-4)",
  };
  return texts[basis];
}
