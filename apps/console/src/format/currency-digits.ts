/**
 * ISO 4217 minor-unit digits of the currencies tradehub settles in (the server's
 * CURRENCY_MINOR_DIGITS): the ones that are not 2. Intl's display digits differ for some
 * (HUF, IDR show none), so amounts are scaled by this table, never by Intl's defaults.
 */
const NOT_TWO: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  KWD: 3,
  BHD: 3,
  JOD: 3,
  OMR: 3,
};

export function minorDigits(currency: string): number {
  return NOT_TWO[currency] ?? 2;
}
