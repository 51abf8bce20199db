/**
 * DSP-5: postal code formats by country (ISO 3166 alpha-2), as the national posts publish them.
 * `null` marks a country without postal codes (a missing one is then normal). A country absent
 * from the table is not judged: neither a missing nor an odd code counts against the address.
 * Codes are matched after `normalisePostalCode` (trimmed, upper case, single spaces).
 */
export const POSTAL_CODE_FORMATS: Readonly<Record<string, RegExp | null>> = Object.freeze({
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
  GB: /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  ES: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
  IT: /^\d{5}$/,
  NL: /^[1-9]\d{3} ?[A-Z]{2}$/,
  BE: /^[1-9]\d{3}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  SE: /^\d{3} ?\d{2}$/,
  RU: /^\d{6}$/,
  UA: /^\d{5}$/,
  BR: /^\d{5}-?\d{3}$/,
  MX: /^\d{5}$/,
  CL: /^\d{7}$/,
  AU: /^\d{4}$/,
  JP: /^\d{3}-?\d{4}$/,
  KR: /^\d{5}$/,
  CN: /^\d{6}$/,
  // Israel moved to 7 digits in 2013; 5-digit codes still circulate and are delivered.
  IL: /^\d{5}(\d{2})?$/,
  SA: /^\d{5}(-\d{4})?$/,
  AE: null,
  TR: /^\d{5}$/,
  IN: /^[1-9]\d{2} ?\d{3}$/,
  HK: null,
});

/** Whether the table knows the country. */
export function knowsPostalFormat(country: string): boolean {
  return Object.prototype.hasOwnProperty.call(POSTAL_CODE_FORMATS, country);
}

/** True when the country is known to use postal codes. */
export function usesPostalCode(country: string): boolean {
  return knowsPostalFormat(country) && POSTAL_CODE_FORMATS[country] !== null;
}

/** True when the (normalised) code fits the country's format; unknown countries always fit. */
export function postalCodeFits(country: string, postalCode: string): boolean {
  if (!knowsPostalFormat(country)) return true;
  const format = POSTAL_CODE_FORMATS[country];
  return format === null || format.test(postalCode);
}
