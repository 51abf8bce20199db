import { minorDigits } from '../format/currency-digits';
import { minorToDecimal } from '../format/money';
import { sumMinor } from './amounts';
import type { MoneyMessages } from './messages';
import type { LedgerEntry } from './types';

/** The store accounts a ledger row shows, as Settlement names their kinds. */
export const STORE_ACCOUNTS = ['FROZEN', 'AVAILABLE', 'PAYOUT_IN_TRANSIT'] as const;
export type StoreAccount = (typeof STORE_ACCOUNTS)[number];

/**
 * What an entry moved on its store's frozen, available and in-payout accounts (signed minor units),
 * null where it did not touch that account; the platform's own accounts are left out.
 */
export function storeChanges(entry: LedgerEntry): Record<StoreAccount, string | null> {
  const changes = {} as Record<StoreAccount, string | null>;
  for (const kind of STORE_ACCOUNTS) {
    const amounts = entry.postings
      .filter((p) => entry.storeId !== null && p.account === `${entry.storeId}:${kind}`)
      .map((p) => p.amount);
    changes[kind] = amounts.length ? sumMinor(amounts) : null;
  }
  return changes;
}

/** The conversion rate an entry carries (SET-4 stores it with the entry), if any. */
export function rateOf(entry: LedgerEntry): string | null {
  const rate = entry.metadata.rate;
  return typeof rate === 'string' ? rate : null;
}

export function ledgerSheetHeader(m: MoneyMessages): string[] {
  const c = m.sheetColumns;
  return [
    c.entryId,
    c.seq,
    c.occurredAt,
    c.kind,
    c.store,
    c.orderId,
    c.currency,
    c.frozen,
    c.available,
    c.inPayout,
    c.rate,
    c.reverses,
  ];
}

/**
 * One entry as text cells: the kind code as the API gives it (stable for filters and formulas),
 * the instant in UTC ISO form, amounts as exact decimals moved from their minor units in the text.
 */
export function ledgerSheetRow(entry: LedgerEntry): string[] {
  const changes = storeChanges(entry);
  const amount = (minor: string | null) =>
    minor === null ? '' : minorToDecimal(minor, minorDigits(entry.currency));
  return [
    entry.id,
    entry.seq,
    new Date(entry.occurredAt).toISOString(),
    entry.kind,
    entry.storeId ?? '',
    entry.orderId ?? '',
    entry.currency,
    amount(changes.FROZEN),
    amount(changes.AVAILABLE),
    amount(changes.PAYOUT_IN_TRANSIT),
    rateOf(entry) ?? '',
    entry.reversesEntryId ?? '',
  ];
}
