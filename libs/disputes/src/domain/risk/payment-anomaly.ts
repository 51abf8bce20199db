import { countryName, normaliseCountry } from './address-text';
import { Finding } from './capped-points';

/**
 * DSP-5: payment anomalies. A method the policy lists as abnormal (prepaid and gift cards are
 * favoured for chargebacks), and money from one country for a parcel to another (a gift or an
 * expatriate, but also the commonest pattern of stolen cards). Both together count most, up to
 * the signal's weight.
 */
export const PAYMENT_SEVERITY = Object.freeze({
  PAYMENT_METHOD_ABNORMAL: 0.6,
  PAYMENT_COUNTRY_MISMATCH: 0.6,
});

/** 'prepaid card' → 'PREPAID_CARD', the form policy lists are written in. */
export function normalisePaymentMethod(method: string | null | undefined): string {
  return (method ?? '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

export function paymentFindings(
  paymentMethod: string,
  paymentCountry: string,
  shippingCountry: string,
  abnormalMethods: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const method = normalisePaymentMethod(paymentMethod);
  if (method !== '' && abnormalMethods.map(normalisePaymentMethod).includes(method)) {
    findings.push({
      code: 'PAYMENT_METHOD_ABNORMAL',
      message: `Paid with a ${method.toLowerCase().replace(/_/g, ' ')}, a method often used in disputed orders`,
      severity: PAYMENT_SEVERITY.PAYMENT_METHOD_ABNORMAL,
    });
  }
  const paidFrom = normaliseCountry(paymentCountry);
  const shipsTo = normaliseCountry(shippingCountry);
  // An unknown payment country is no evidence either way.
  if (/^[A-Z]{2}$/.test(paidFrom) && /^[A-Z]{2}$/.test(shipsTo) && paidFrom !== shipsTo) {
    findings.push({
      code: 'PAYMENT_COUNTRY_MISMATCH',
      message: `Paid from ${countryName(paidFrom)} but ships to ${countryName(shipsTo)}`,
      severity: PAYMENT_SEVERITY.PAYMENT_COUNTRY_MISMATCH,
    });
  }
  return findings;
}
