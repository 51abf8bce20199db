import { AggregateRoot, Deadline, newId, ValidationError } from '@tradehub/kernel';
import {
  FakeShipmentConfirmedV1,
  FulfillmentEvents,
  PackageRefV1,
  ReviewTaskDecidedV1,
  ReviewTaskOpenedV1,
} from '../contract';
import { FulfillmentPolicy } from './fulfillment-config';
import { fulfillmentEvent } from './fulfillment-event';
import { ReviewDecisionNotAllowed, ReviewTaskAlreadyDecided } from './fulfillment.errors';
import { ProofFile, validateProofFile } from './logistics-proof';
import { proofReviewDueAt } from './package-deadlines';
import { PROOF_REVIEW_TIMER } from './package-timers';
import { riskFlagRaised, RiskFlagInput } from './risk';
import { canMoveReviewTask, ReviewTaskKind, ReviewTaskStatus } from './review-task-status';

/** The package a task is about, as the reviewer sees it. */
export interface ReviewSubject {
  orderId: string;
  packageId: string;
  storeId: string;
  carrierCode: string;
  trackingNumber: string;
}

export interface OpenProofInput extends ReviewSubject {
  proof: ProofFile;
  /** The seller staff member who uploaded it. */
  submittedBy: string;
}

export interface ReviewTaskState extends ReviewSubject {
  id: string;
  kind: ReviewTaskKind;
  status: ReviewTaskStatus;
  openedAt: Date;
  /** Who opened it; null when the system did (FUL-4 stall timer). */
  openedBy: string | null;
  /** FUL-5: the pickup proof under review; null for abnormal-logistics tasks. */
  proof: ProofFile | null;
  /** FUL-5: review due by; null for tasks without an SLA. */
  slaDueAt: Date | null;
  /** FUL-5: when the SLA breach was alerted (once). */
  overdueAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The reviewer's reason for the decision. */
  reason: string | null;
  version: number;
}

export const MAX_REASON_LENGTH = 1000;

/** An operations review task: the abnormal-logistics pool (FUL-4) or a logistics-proof review (FUL-5). */
export class ReviewTask extends AggregateRoot implements ReviewTaskState {
  id!: string;
  kind!: ReviewTaskKind;
  status!: ReviewTaskStatus;
  orderId!: string;
  packageId!: string;
  storeId!: string;
  carrierCode!: string;
  trackingNumber!: string;
  openedAt!: Date;
  openedBy!: string | null;
  proof!: ProofFile | null;
  slaDueAt!: Date | null;
  overdueAt!: Date | null;
  decidedBy!: string | null;
  decidedAt!: Date | null;
  reason!: string | null;
  version!: number;

  /** Restores stored fields; a new task comes from `openAbnormal` or `openProof`. */
  constructor(state: ReviewTaskState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'review-task';
  }

  /** FUL-5: the review SLA is a durable timer while the proof waits and its breach was not yet alerted. */
  override deadlines(): Deadline[] {
    const waiting = this.status === 'OPEN' && this.overdueAt === null;
    return [{ kind: PROOF_REVIEW_TIMER, dueAt: waiting ? this.slaDueAt : null }];
  }

  /** FUL-4: a stalled package joins the abnormal-logistics pool (异常物流监控池); no SLA. */
  static openAbnormal(subject: ReviewSubject, now: Date): ReviewTask {
    return ReviewTask.open('ABNORMAL_LOGISTICS', subject, now, {
      openedBy: null,
      proof: null,
      slaDueAt: null,
    });
  }

  /** FUL-5: the seller's pickup proof joins the review queue, due within proofReviewHours. */
  static openProof(
    input: OpenProofInput,
    now: Date,
    policy: Pick<FulfillmentPolicy, 'proofReviewHours' | 'maxProofBytes'>,
  ): ReviewTask {
    const proof = validateProofFile(input.proof, policy.maxProofBytes);
    const openedBy = requireActor(input.submittedBy, 'submittedBy');
    const slaDueAt = proofReviewDueAt(now, policy);
    return ReviewTask.open('LOGISTICS_PROOF', input, now, { openedBy, proof, slaDueAt });
  }

  private static open(
    kind: ReviewTaskKind,
    subject: ReviewSubject,
    now: Date,
    extra: Pick<ReviewTaskState, 'openedBy' | 'proof' | 'slaDueAt'>,
  ): ReviewTask {
    const { orderId, packageId, storeId, carrierCode, trackingNumber } = subject;
    const task = new ReviewTask({
      id: newId(),
      orderId,
      packageId,
      storeId,
      carrierCode,
      trackingNumber,
      ...extra,
      kind,
      status: 'OPEN',
      openedAt: now,
      overdueAt: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      version: 1,
    });
    task.changed(kind === 'LOGISTICS_PROOF' ? 'review-task.proof-uploaded' : 'review-task.opened');
    task.emit<ReviewTaskOpenedV1>(FulfillmentEvents.ReviewTaskOpened, now, {
      ...task.ref(),
      taskId: task.id,
      kind,
      openedAt: now.toISOString(),
      slaDueAt: extra.slaDueAt?.toISOString() ?? null,
    });
    return task;
  }

  get snapshot(): Readonly<ReviewTaskState> {
    return this;
  }

  /** FUL-5: the proof is genuine; the caller then corrects the package's track. */
  accept(by: string, reason: string, now: Date): void {
    this.decide('ACCEPTED', by, reason, now);
  }

  /** FUL-5: the proof does not show a genuine pickup; the missing track now looks forged (risk 8). */
  reject(by: string, reason: string, now: Date): void {
    this.decide('REJECTED', by, reason, now);
    this.raiseRisk(now, 'FAKE_SHIPMENT_SUSPECTED', `logistics proof rejected: ${this.reason}`, 'high');
  }

  /** FUL-6: a confirmed fake shipment (虚假发货), reported to Compliance (CMP-4: penalty points). */
  confirmFakeShipment(by: string, reason: string, now: Date): void {
    this.decide('FAKE_SHIPMENT_CONFIRMED', by, reason, now);
    const { id: taskId, reason: decidedReason, decidedBy } = this;
    this.emit<FakeShipmentConfirmedV1>(FulfillmentEvents.FakeShipmentConfirmed, now, {
      ...this.ref(),
      taskId,
      reason: decidedReason!,
      decidedBy: decidedBy!,
    });
    this.raiseRisk(now, 'FAKE_SHIPMENT_SUSPECTED', `fake shipment confirmed: ${decidedReason}`, 'critical');
  }

  /** FUL-4: the operator resolved the abnormal-logistics case; the caller releases the package. */
  close(by: string, reason: string, now: Date): void {
    this.decide('CLOSED', by, reason, now);
  }

  /** FUL-5: still OPEN at its SLA, the review is overdue; alerted once. Returns whether it was now. */
  markOverdue(now: Date): boolean {
    const { status, slaDueAt, overdueAt } = this;
    if (status !== 'OPEN' || slaDueAt === null || overdueAt !== null || now < slaDueAt) return false;
    this.overdueAt = now;
    this.changed('review-task.overdue');
    this.raiseRisk(now, 'PROOF_REVIEW_OVERDUE', `logistics proof not reviewed by ${slaDueAt.toISOString()}`);
    return true;
  }

  private decide(to: ReviewTaskStatus, by: string, reason: string, now: Date): void {
    const { kind, status } = this;
    if (status !== 'OPEN') throw new ReviewTaskAlreadyDecided(status);
    if (!canMoveReviewTask(kind, status, to)) throw new ReviewDecisionNotAllowed(kind, to);
    const decidedBy = requireActor(by, 'decidedBy');
    const why = validateReason(reason);
    Object.assign(this, { status: to, decidedBy, decidedAt: now, reason: why });
    this.changed('review-task.decided');
    this.emit<ReviewTaskDecidedV1>(FulfillmentEvents.ReviewTaskDecided, now, {
      ...this.ref(),
      taskId: this.id,
      kind,
      decision: to,
      decidedBy,
      decidedAt: now.toISOString(),
      reason: why,
    });
  }

  private ref(): PackageRefV1 {
    return { orderId: this.orderId, packageId: this.packageId, storeId: this.storeId };
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise(fulfillmentEvent(type, 'review-task', this.orderId, now, payload));
  }

  private raiseRisk(
    now: Date,
    code: RiskFlagInput['code'],
    reason: string,
    severity?: RiskFlagInput['severity'],
  ): void {
    const { storeId, orderId, packageId } = this;
    this.raise(riskFlagRaised({ code, storeId, orderId, packageId, reason, severity }, now, 'review-task'));
  }
}

/** A decision needs a reason a reviewer can read back: 1..1000 characters. */
export function validateReason(reason: string, field = 'reason'): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length === 0 || trimmed.length > MAX_REASON_LENGTH) {
    throw new ValidationError(`must be 1-${MAX_REASON_LENGTH} characters`, field);
  }
  return trimmed;
}

function requireActor(actor: string, field: string): string {
  if (typeof actor !== 'string' || actor.trim().length === 0) throw new ValidationError('is required', field);
  return actor;
}
