import { RuleViolation, ValidationError } from './domain-error';

/** PostgreSQL bigint: every amount, total and balance must fit. */
export const MAX_MINOR = 2n ** 63n - 1n;

/** ISO 4217 currencies we settle in, with their number of minor-unit digits (SET-4). */
export const CURRENCY_MINOR_DIGITS: Readonly<Record<string, number>> = Object.freeze({
  USD: 2,
  EUR: 2,
  GBP: 2,
  CNY: 2,
  HKD: 2,
  TWD: 2,
  MOP: 2,
  JPY: 0,
  KRW: 0,
  RUB: 2,
  BRL: 2,
  MXN: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  TRY: 2,
  ILS: 2,
  SAR: 2,
  AED: 2,
  INR: 2,
  IDR: 2,
  MYR: 2,
  SGD: 2,
  THB: 2,
  VND: 0,
  PHP: 2,
  CLP: 0,
  COP: 2,
  PEN: 2,
  UAH: 2,
  KZT: 2,
  ZAR: 2,
  NGN: 2,
  EGP: 2,
  KWD: 3,
  BHD: 3,
  JOD: 3,
  OMR: 3,
});

export type CurrencyCode = string;

export function isCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_MINOR_DIGITS, code);
}

/** An exact amount in integer minor units of one ISO 4217 currency; never a float (SET-4). */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: CurrencyCode,
  ) {
    if (minor > MAX_MINOR || minor < -MAX_MINOR) {
      throw new RuleViolation('AMOUNT_OUT_OF_RANGE', `amount exceeds ${MAX_MINOR} minor units`, 'amount');
    }
  }

  static of(minor: bigint, currency: string, field = 'amount'): Money {
    if (!isCurrency(currency))
      throw new ValidationError(`unknown ISO 4217 currency '${currency}'`, `${field}.currency`);
    return new Money(minor, currency);
  }

  /** Parses the wire form: minor units as a decimal integer string. */
  static parse(minor: string, currency: string, field = 'amount'): Money {
    if (!/^-?\d{1,30}$/.test(minor))
      throw new ValidationError('must be an integer string of minor units', `${field}.minor`);
    return Money.of(BigInt(minor), currency, field);
  }

  static zero(currency: string): Money {
    return Money.of(0n, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minor + other.minor, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minor - other.minor, this.currency);
  }

  times(quantity: number | bigint): Money {
    return new Money(this.minor * BigInt(quantity), this.currency);
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  equals(other: Money): boolean {
    return this.minor === other.minor && this.currency === other.currency;
  }

  toJSON(): { minor: string; currency: string } {
    return { minor: this.minor.toString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new ValidationError(`currency mismatch: ${this.currency} and ${other.currency}`, 'currency');
    }
  }
}
