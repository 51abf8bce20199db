import { AggregateRoot, Money, newId, RuleViolation, ValidationError } from '@tradehub/kernel';
import {
  type PayoutCompletedV1,
  type PayoutFailedV1,
  type PayoutRequestedV1,
  SettlementEvents,
} from '../contract/events';
import { convert, PAYOUT_CONVERSION_CURRENCY, type Rate } from './fx';
import { settlementEvent } from './settlement-event';
import { entry, type EntryDraft, type Leg, reversal } from './ledger';

export type WithdrawalStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED';

export interface WithdrawalState {
  id: string;
  storeId: string;
  currency: string;
  amountMinor: bigint;
  payoutCurrency: string;
  payoutMinor: bigint;
  rate: string | null;
  quoteId: string | null;
  /** The exact converted amount and what half-to-even rounding gave or took, in payout minor units. */
  exactPayout: string | null;
  roundingDifference: string | null;
  status: WithdrawalStatus;
  requestedBy: string;
  requestedAt: Date;
  settledAt: Date | null;
  failureReason: string | null;
  /** The entries the request posted, in order (one, or two for a conversion). */
  entryIds: string[];
  version: number;
}

export interface WithdrawalRequest {
  storeId: string;
  amount: Money;
  requestedBy: string;
  /** A conversion to CNY at a quote's rate; absent for a payout in the original currency. */
  conversion: { quoteId: string; rate: Rate } | null;
}

/** SET-4: money leaving a store's available balance for its bank, through the payments team. */
export class Withdrawal extends AggregateRoot implements WithdrawalState {
  id!: string;
  storeId!: string;
  currency!: string;
  amountMinor!: bigint;
  payoutCurrency!: string;
  payoutMinor!: bigint;
  rate!: string | null;
  quoteId!: string | null;
  exactPayout!: string | null;
  roundingDifference!: string | null;
  status!: WithdrawalStatus;
  requestedBy!: string;
  requestedAt!: Date;
  settledAt!: Date | null;
  failureReason!: string | null;
  entryIds!: string[];
  version!: number;

  constructor(state: WithdrawalState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'withdrawal';
  }

  /** Refused beyond the available balance (which a debt may have made negative). */
  static request(
    id: string,
    input: WithdrawalRequest,
    available: bigint,
    now: Date,
  ): { withdrawal: Withdrawal; drafts: EntryDraft[] } {
    const { amount } = input;
    if (amount.minor <= 0n)
      throw new ValidationError('a withdrawal is a positive number of minor units', 'amount.minor');
    if (amount.minor > available)
      throw new RuleViolation(
        'INSUFFICIENT_AVAILABLE',
        `only ${available < 0n ? 0n : available} minor units of ${amount.currency} are available`,
        'amount.minor',
      );
    const converted = input.conversion
      ? convert(amount.minor, amount.currency, PAYOUT_CONVERSION_CURRENCY, input.conversion.rate)
      : null;
    if (converted?.minor === 0n)
      throw new RuleViolation('AMOUNT_TOO_SMALL', 'the converted amount rounds to zero', 'amount.minor');
    const withdrawal = new Withdrawal({
      id,
      storeId: input.storeId,
      currency: amount.currency,
      amountMinor: amount.minor,
      payoutCurrency: converted ? PAYOUT_CONVERSION_CURRENCY : amount.currency,
      payoutMinor: converted ? converted.minor : amount.minor,
      rate: input.conversion?.rate.text ?? null,
      quoteId: input.conversion?.quoteId ?? null,
      exactPayout: converted?.exact ?? null,
      roundingDifference: converted?.roundingDifference ?? null,
      status: 'REQUESTED',
      requestedBy: input.requestedBy,
      requestedAt: now,
      settledAt: null,
      failureReason: null,
      entryIds: [],
      version: 1,
    });
    const drafts = withdrawal.requestEntries(now);
    withdrawal.entryIds = drafts.map((d) => d.id);
    withdrawal.changed('settlement.withdrawal-requested');
    withdrawal.emit<PayoutRequestedV1>(SettlementEvents.PayoutRequested, now, {
      withdrawalId: id,
      storeId: withdrawal.storeId,
      amount: amount.toJSON(),
      payout: { minor: withdrawal.payoutMinor.toString(), currency: withdrawal.payoutCurrency },
      rate: withdrawal.rate,
      quoteId: withdrawal.quoteId,
      requestedAt: now.toISOString(),
    });
    return { withdrawal, drafts };
  }

  /** The payments team paid it: the money leaves the in-transit account. Null when already settled. */
  complete(now: Date): EntryDraft | null {
    if (this.status !== 'REQUESTED') return null;
    this.status = 'COMPLETED';
    this.settledAt = now;
    this.changed('settlement.payout-completed');
    this.emit<PayoutCompletedV1>(SettlementEvents.PayoutCompleted, now, {
      withdrawalId: this.id,
      storeId: this.storeId,
      payout: { minor: this.payoutMinor.toString(), currency: this.payoutCurrency },
      completedAt: now.toISOString(),
    });
    return entry({
      id: newId(),
      key: `payout:${this.id}`,
      kind: 'PAYOUT_COMPLETED',
      storeId: this.storeId,
      orderId: null,
      currency: this.payoutCurrency,
      occurredAt: now,
      metadata: { withdrawalId: this.id },
      legs: [
        { storeId: this.storeId, kind: 'PAYOUT_IN_TRANSIT', amount: -this.payoutMinor },
        { storeId: null, kind: 'PAYOUTS', amount: this.payoutMinor },
      ],
    });
  }

  /** The payout failed: the request's entries are reversed, the amount is available again. Empty when already settled. */
  fail(reason: string, now: Date): EntryDraft[] {
    if (this.status !== 'REQUESTED') return [];
    this.status = 'FAILED';
    this.settledAt = now;
    this.failureReason = reason;
    this.changed('settlement.payout-failed');
    this.emit<PayoutFailedV1>(SettlementEvents.PayoutFailed, now, {
      withdrawalId: this.id,
      storeId: this.storeId,
      amount: { minor: this.amountMinor.toString(), currency: this.currency },
      reason,
      failedAt: now.toISOString(),
    });
    return this.requestEntries(this.requestedAt, this.entryIds)
      .reverse()
      .map((original) => reversal(original, now, `payout failed: ${reason}`));
  }

  /** The request's entries, as posted (same ids when given): one per currency. */
  private requestEntries(at: Date, ids: readonly string[] = []): EntryDraft[] {
    const base = { storeId: this.storeId, orderId: null, occurredAt: at };
    const meta = { withdrawalId: this.id };
    const make = (
      i: number,
      key: string,
      kind: EntryDraft['kind'],
      currency: string,
      legs: Leg[],
      extra = {},
    ) =>
      entry({ ...base, id: ids[i] ?? newId(), key, kind, currency, legs, metadata: { ...meta, ...extra } });
    if (this.rate === null)
      return [
        make(0, `withdrawal:${this.id}`, 'WITHDRAWAL', this.currency, [
          { storeId: this.storeId, kind: 'AVAILABLE', amount: -this.amountMinor },
          { storeId: this.storeId, kind: 'PAYOUT_IN_TRANSIT', amount: this.amountMinor },
        ]),
      ];
    const fx = {
      rate: this.rate,
      quoteId: this.quoteId,
      exactPayout: this.exactPayout,
      roundingDifference: this.roundingDifference,
    };
    return [
      make(
        0,
        `withdrawal:${this.id}`,
        'WITHDRAWAL',
        this.currency,
        [
          { storeId: this.storeId, kind: 'AVAILABLE', amount: -this.amountMinor },
          { storeId: null, kind: 'FX_CONVERSION', amount: this.amountMinor },
        ],
        fx,
      ),
      make(
        1,
        `withdrawal:${this.id}:${this.payoutCurrency}`,
        'FX_CONVERSION',
        this.payoutCurrency,
        [
          { storeId: null, kind: 'FX_CONVERSION', amount: -this.payoutMinor },
          { storeId: this.storeId, kind: 'PAYOUT_IN_TRANSIT', amount: this.payoutMinor },
        ],
        fx,
      ),
    ];
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise(settlementEvent(type, 'withdrawal', this.id, now, payload));
  }
}
