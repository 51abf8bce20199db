import type { Order } from '../api/types';
import { minorDigits } from '../format/currency-digits';
import { minorToDecimal } from '../format/money';
import type { Messages } from '../i18n/messages';

/**
 * The export's columns, in order. Carrier and Tracking number are left empty for the seller to
 * fill in: the import reads the file back as it is (it knows these headers in both languages).
 */
export function orderSheetHeader(t: Messages): string[] {
  const c = t.sheetColumns;
  return [
    c.orderId,
    c.marketplaceOrderId,
    c.store,
    c.status,
    c.paidAt,
    c.shipBy,
    c.currency,
    c.total,
    c.carrier,
    c.trackingNumber,
  ];
}

/**
 * One order as text cells: the status code as the API gives it (stable for formulas and filters),
 * instants in UTC ISO form, and the total as an exact decimal moved from its minor units in the
 * text, never through a float.
 */
export function orderSheetRow(order: Order): string[] {
  const { minor, currency } = order.total;
  return [
    order.id,
    order.marketplaceOrderId,
    order.storeId,
    order.status,
    utcInstant(order.paidAt),
    utcInstant(order.deadlines.shipBy),
    currency,
    minorToDecimal(minor, minorDigits(currency)),
    '',
    '',
  ];
}

function utcInstant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}
