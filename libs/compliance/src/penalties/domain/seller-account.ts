import { AggregateRoot, newId, ValidationError } from '@tradehub/kernel';
import {
  ComplianceEvents,
  type PenaltyCaseRecordedV1,
  type PenaltyCaseReversedV1,
  type SellerAccountStatusChangedV1,
} from '../../contract/events';
import type { PenaltyPolicy } from '../penalties.config';
import { penaltyCaseAlreadyReversed, penaltyCaseNotFound } from './penalties.errors';
import {
  APPEAL_OUTCOMES,
  type AppealOutcome,
  type ConfirmedFakeShipment,
  isCounted,
  type PenaltyCase,
} from './penalty-case';
import { penaltyEvent } from './penalty-event';

const MAX_REASON = 1000;

export interface SellerAccountState {
  /** The seller's id (the account is the seller's, across its main accounts and stores). */
  id: string;
  /** Points of the counted cases: the account's life, minus reversed cases. */
  points: number;
  countedCases: number;
  closed: boolean;
  /** When the account last closed; null while open. */
  closedAt: Date | null;
  cases: PenaltyCase[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface AppealInput {
  outcome: AppealOutcome;
  reason: string;
  decidedBy: string;
}

/**
 * CMP-4: a seller account's fake-shipment penalties. Fake shipment is zero tolerance: each confirmed
 * case costs its points, and the case that brings the counted cases to the bar closes the account.
 * Cases count over the account's life; only an operator's appeal reversal takes one out (a reversing
 * entry: the case stays on record), and an account left below the bar reopens.
 */
export class SellerAccount extends AggregateRoot implements SellerAccountState {
  id!: string;
  points!: number;
  countedCases!: number;
  closed!: boolean;
  closedAt!: Date | null;
  cases!: PenaltyCase[];
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;

  /** The store of the case the current change is about, for the audit record; not stored. */
  private concerns?: string;

  constructor(state: SellerAccountState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'seller-account';
  }

  get storeId(): string | null {
    return this.concerns ?? null;
  }

  /** An account with nothing against it yet: the first case creates it. */
  static open(sellerId: string, now: Date): SellerAccount {
    return new SellerAccount({
      id: sellerId,
      points: 0,
      countedCases: 0,
      closed: false,
      closedAt: null,
      cases: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  caseOf(caseId: string): PenaltyCase | null {
    return this.cases.find((c) => c.caseId === caseId) ?? null;
  }

  /**
   * CMP-4, FUL-6: a confirmed fake shipment becomes a case. The same task or package again (a
   * redelivery, a second task on the same parcel) is the case already recorded: null, nothing changes.
   * `sellerStores` are the seller's stores, named in a closure.
   */
  recordCase(
    confirmed: ConfirmedFakeShipment,
    now: Date,
    policy: PenaltyPolicy,
    sellerStores: readonly string[],
  ): PenaltyCase | null {
    const known = this.cases.find(
      (c) => c.taskId === confirmed.taskId || c.packageId === confirmed.packageId,
    );
    if (known) return null;
    const recorded: PenaltyCase = {
      ...confirmed,
      caseId: newId(),
      points: policy.pointsPerCase,
      recordedAt: now,
      appeals: [],
      reversedAt: null,
      reversedBy: null,
      reversalReason: null,
    };
    this.cases = [...this.cases, recorded];
    this.recount(now, recorded.storeId);
    this.raise(
      penaltyEvent<PenaltyCaseRecordedV1>(ComplianceEvents.PenaltyCaseRecorded, this.id, now, {
        caseId: recorded.caseId,
        sellerId: this.id,
        storeId: recorded.storeId,
        orderId: recorded.orderId,
        reference: recorded.taskId,
        points: recorded.points,
        totalPoints: this.points,
        countedCases: this.countedCases,
        recordedAt: now.toISOString(),
      }),
    );
    const moved = this.settleStatus(now, policy, [...sellerStores, recorded.storeId]);
    this.changed(moved ?? 'seller-account.penalty-case-recorded');
    return recorded;
  }

  /**
   * CMP-4: an operator decides a seller's appeal of a case. UPHELD is recorded and changes nothing
   * else; REVERSED takes the case's points and count out, and reopens an account left below the bar.
   * A case already reversed takes no further decision.
   */
  appeal(
    caseId: string,
    decision: AppealInput,
    now: Date,
    policy: PenaltyPolicy,
    sellerStores: readonly string[],
  ): PenaltyCase {
    if (!(APPEAL_OUTCOMES as readonly string[]).includes(decision.outcome))
      throw new ValidationError(`must be one of ${APPEAL_OUTCOMES.join(', ')}`, 'outcome');
    const reason = decision.reason.trim();
    if (reason.length === 0 || reason.length > MAX_REASON)
      throw new ValidationError(`a reason of 1 to ${MAX_REASON} characters is required`, 'reason');
    const found = this.caseOf(caseId);
    if (!found) throw penaltyCaseNotFound();
    if (found.reversedAt) throw penaltyCaseAlreadyReversed(found.reversedAt, found.reversedBy ?? 'unknown');
    const appeal = { outcome: decision.outcome, reason, decidedBy: decision.decidedBy, decidedAt: now };
    const reversed = decision.outcome === 'REVERSED';
    const updated: PenaltyCase = {
      ...found,
      appeals: [...found.appeals, appeal],
      ...(reversed ? { reversedAt: now, reversedBy: decision.decidedBy, reversalReason: reason } : {}),
    };
    this.cases = this.cases.map((c) => (c.caseId === caseId ? updated : c));
    this.recount(now, updated.storeId);
    if (!reversed) {
      this.changed('seller-account.appeal-upheld');
      return updated;
    }
    this.raise(
      penaltyEvent<PenaltyCaseReversedV1>(ComplianceEvents.PenaltyCaseReversed, this.id, now, {
        caseId,
        sellerId: this.id,
        storeId: updated.storeId,
        points: updated.points,
        totalPoints: this.points,
        countedCases: this.countedCases,
        reason,
        decidedBy: decision.decidedBy,
        reversedAt: now.toISOString(),
      }),
    );
    const moved = this.settleStatus(now, policy, [...sellerStores, updated.storeId]);
    this.changed(moved ?? 'seller-account.penalty-case-reversed');
    return updated;
  }

  /** Points and counted cases follow from the cases, never kept apart from them. */
  private recount(now: Date, storeId: string): void {
    const counted = this.cases.filter(isCounted);
    this.points = counted.reduce((sum, c) => sum + c.points, 0);
    this.countedCases = counted.length;
    this.updatedAt = now;
    this.concerns = storeId;
  }

  /** Closes at the bar, reopens below it; the action's name when the status moved. */
  private settleStatus(now: Date, policy: PenaltyPolicy, stores: readonly string[]): string | null {
    const due = this.countedCases >= policy.casesToClose;
    if (due === this.closed) return null;
    this.closed = due;
    this.closedAt = due ? now : null;
    this.raise(
      penaltyEvent<SellerAccountStatusChangedV1>(ComplianceEvents.SellerAccountStatusChanged, this.id, now, {
        sellerId: this.id,
        closed: due,
        reason: due
          ? `CMP-4: ${this.countedCases} confirmed fake-shipment cases (${this.points} penalty points); the account is closed`
          : `CMP-4: an appeal reversed a case; ${this.countedCases} counted case(s) remain, below the ${policy.casesToClose} that close the account`,
        storeIds: [...new Set(stores)].sort(),
        changedAt: now.toISOString(),
      }),
    );
    return due ? 'seller-account.closed' : 'seller-account.reopened';
  }
}
