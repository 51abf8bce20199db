import { AggregateRoot, newId, NotFoundError, RuleViolation } from '@tradehub/kernel';
import { parseRate, type Rate } from './fx';

export interface FxQuoteState {
  id: string;
  storeId: string;
  fromCurrency: string;
  toCurrency: string;
  rate: string;
  /** The treasury rate's own instant, for the record. */
  rateAsOf: Date;
  quotedAt: Date;
  expiresAt: Date;
  /** The withdrawal that used it; a quote is used once. */
  usedBy: string | null;
  version: number;
}

/** SET-4: a rate offered to one store until it expires, with no spread over the treasury's rate. */
export class FxQuote extends AggregateRoot implements FxQuoteState {
  id!: string;
  storeId!: string;
  fromCurrency!: string;
  toCurrency!: string;
  rate!: string;
  rateAsOf!: Date;
  quotedAt!: Date;
  expiresAt!: Date;
  usedBy!: string | null;
  version!: number;

  constructor(state: FxQuoteState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'fx-quote';
  }

  static issue(
    storeId: string,
    from: string,
    to: string,
    treasury: { rate: string; asOf: Date },
    now: Date,
    ttlSeconds: number,
  ): FxQuote {
    const quote = new FxQuote({
      id: newId(),
      storeId,
      fromCurrency: from,
      toCurrency: to,
      rate: treasury.rate,
      rateAsOf: treasury.asOf,
      quotedAt: now,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      usedBy: null,
      version: 1,
    });
    quote.changed('settlement.fx-quoted');
    return quote;
  }

  /** The rate for a withdrawal of `storeId` from `currency`, now; refused when expired, foreign or used. */
  useFor(withdrawalId: string, storeId: string, currency: string, now: Date): Rate {
    // Another store's quote answers like a missing one: its existence is not the caller's to know.
    if (this.storeId !== storeId) throw new NotFoundError('QUOTE_NOT_FOUND', 'no such quote for this store');
    if (this.fromCurrency !== currency)
      throw new RuleViolation(
        'QUOTE_CURRENCY_MISMATCH',
        `the quote converts ${this.fromCurrency}, not ${currency}`,
        'quoteId',
      );
    if (now.getTime() >= this.expiresAt.getTime())
      throw new RuleViolation(
        'QUOTE_EXPIRED',
        `the quote expired at ${this.expiresAt.toISOString()}; ask for a new one`,
        'quoteId',
      );
    if (this.usedBy !== null)
      throw new RuleViolation('QUOTE_USED', 'the quote was used by another withdrawal', 'quoteId');
    this.usedBy = withdrawalId;
    this.changed('settlement.fx-quote-used');
    return parseRate(this.rate);
  }
}
