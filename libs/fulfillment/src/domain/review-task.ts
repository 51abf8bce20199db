import { DomainEvent, newId, ValidationError } from '@tradehub/kernel';
import {
  FakeShipmentConfirmedV1,
  FulfillmentEvents,
  PackageRefV1,
  ReviewTaskDecidedV1,
  ReviewTaskOpenedV1,
} from './events';
import { FulfillmentPolicy } from './fulfillment-config';
import { fulfillmentEvent, PendingEvents } from './fulfillment-event';
import { reviewDecisionNotAllowed, reviewTaskAlreadyDecided } from './fulfillment.errors';
import { ProofFile, validateProofFile } from './logistics-proof';
import { proofReviewDueAt } from './package-deadlines';
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
export class ReviewTask {
  private readonly pending = new PendingEvents();

  private constructor(private state: ReviewTaskState) {}

  static restore(state: ReviewTaskState): ReviewTask {
    return new ReviewTask(state);
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
      version: 0,
    });
    task.raise<ReviewTaskOpenedV1>(FulfillmentEvents.ReviewTaskOpened, now, {
      ...task.ref(),
      taskId: task.id,
      kind,
      openedAt: now.toISOString(),
      slaDueAt: extra.slaDueAt?.toISOString() ?? null,
    });
    return task;
  }

  get id(): string {
    return this.state.id;
  }

  get snapshot(): Readonly<ReviewTaskState> {
    return this.state;
  }

  /** FUL-5: the proof is genuine; the caller then corrects the package's track. */
  accept(by: string, reason: string, now: Date): void {
    this.decide('ACCEPTED', by, reason, now);
  }

  /** FUL-5: the proof does not show a genuine pickup; the missing track now looks forged (risk 8). */
  reject(by: string, reason: string, now: Date): void {
    this.decide('REJECTED', by, reason, now);
    this.raiseRisk(now, 'FAKE_SHIPMENT_SUSPECTED', `logistics proof rejected: ${this.state.reason}`, 'high');
  }

  /** FUL-6: a confirmed fake shipment (虚假发货), reported to Compliance (CMP-4: penalty points). */
  confirmFakeShipment(by: string, reason: string, now: Date): void {
    this.decide('FAKE_SHIPMENT_CONFIRMED', by, reason, now);
    const { id: taskId, reason: decidedReason, decidedBy } = this.state;
    this.raise<FakeShipmentConfirmedV1>(FulfillmentEvents.FakeShipmentConfirmed, now, {
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
    const { status, slaDueAt, overdueAt } = this.state;
    if (status !== 'OPEN' || slaDueAt === null || overdueAt !== null || now < slaDueAt) return false;
    this.state = { ...this.state, overdueAt: now };
    this.raiseRisk(now, 'PROOF_REVIEW_OVERDUE', `logistics proof not reviewed by ${slaDueAt.toISOString()}`);
    return true;
  }

  /** The repository saved this state: the next save checks against the new version (optimistic locking). */
  markSaved(): void {
    this.state = { ...this.state, version: this.state.version + 1 };
  }

  pullEvents(): DomainEvent<object>[] {
    return this.pending.pull();
  }

  private decide(to: ReviewTaskStatus, by: string, reason: string, now: Date): void {
    const { kind, status } = this.state;
    if (status !== 'OPEN') throw reviewTaskAlreadyDecided(status);
    if (!canMoveReviewTask(kind, status, to)) throw reviewDecisionNotAllowed(kind, to);
    const decidedBy = requireActor(by, 'decidedBy');
    const why = validateReason(reason);
    this.state = { ...this.state, status: to, decidedBy, decidedAt: now, reason: why };
    this.raise<ReviewTaskDecidedV1>(FulfillmentEvents.ReviewTaskDecided, now, {
      ...this.ref(),
      taskId: this.state.id,
      kind,
      decision: to,
      decidedBy,
      decidedAt: now.toISOString(),
      reason: why,
    });
  }

  private ref(): PackageRefV1 {
    return { orderId: this.state.orderId, packageId: this.state.packageId, storeId: this.state.storeId };
  }

  private raise<P extends object>(type: string, now: Date, payload: P): void {
    this.pending.push(fulfillmentEvent(type, 'review-task', this.state.orderId, now, payload));
  }

  private raiseRisk(
    now: Date,
    code: RiskFlagInput['code'],
    reason: string,
    severity?: RiskFlagInput['severity'],
  ): void {
    const { storeId, orderId } = this.state;
    this.pending.push(riskFlagRaised({ code, storeId, orderId, reason, severity }, now, 'review-task'));
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
