import { newId } from '@tradehub/kernel';

/**
 * SET-6: the ledger's vocabulary. Amounts are signed integer minor units, credit positive: a
 * store's accounts hold what the platform owes it, the platform's accounts the other side, so
 * every entry, and the whole ledger, sums to zero per currency.
 */
export const STORE_ACCOUNT_KINDS = ['FROZEN', 'AVAILABLE', 'PAYOUT_IN_TRANSIT'] as const;
export const PLATFORM_ACCOUNT_KINDS = ['CLEARING', 'COMMISSION_REVENUE', 'FX_CONVERSION', 'PAYOUTS'] as const;
export type StoreAccountKind = (typeof STORE_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];
export type AccountKind = StoreAccountKind | PlatformAccountKind;

/** An account of one store (storeId) or of the platform (null), in one currency. */
export interface AccountRef {
  storeId: string | null;
  currency: string;
  kind: AccountKind;
}

export const ENTRY_KINDS = [
  'FREEZE',
  'RELEASE',
  'REFUND',
  'WITHDRAWAL',
  'FX_CONVERSION',
  'PAYOUT_COMPLETED',
  'REVERSAL',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Leg {
  /** The store's account (its storeId) or the platform's (null). */
  storeId: string | null;
  kind: AccountKind;
  amount: bigint;
}

/** A journal entry before it is posted: one currency, legs summing to zero, an id from its cause. */
export interface EntryDraft {
  /** Chosen before posting, so the events of the same transaction can name it. */
  id: string;
  /** Unique per cause (`freeze:<orderId>`): a redelivered event or a retried command posts once. */
  key: string;
  kind: EntryKind;
  storeId: string | null;
  orderId: string | null;
  currency: string;
  occurredAt: Date;
  reversesEntryId?: string;
  metadata?: Record<string, string | number | boolean | null>;
  legs: Leg[];
}

/** Drops zero legs and merges legs on the same account; refuses a draft that does not balance. */
export function entry(draft: EntryDraft): EntryDraft {
  const merged = new Map<string, Leg>();
  for (const leg of draft.legs) {
    const id = `${leg.storeId ?? ''}|${leg.kind}`;
    const seen = merged.get(id);
    merged.set(id, { ...leg, amount: (seen?.amount ?? 0n) + leg.amount });
  }
  const legs = [...merged.values()].filter((l) => l.amount !== 0n);
  const sum = legs.reduce((s, l) => s + l.amount, 0n);
  if (sum !== 0n) throw new Error(`entry ${draft.key} does not balance: ${sum}`);
  return { ...draft, legs };
}

/** The opposite of a posted entry, naming it; posted once per original (`reversal:<id>`). */
export function reversal(
  original: Pick<EntryDraft, 'key' | 'storeId' | 'orderId' | 'currency' | 'legs'> & { id: string },
  occurredAt: Date,
  reason: string,
): EntryDraft {
  return entry({
    id: newId(),
    key: `reversal:${original.key}`,
    kind: 'REVERSAL',
    storeId: original.storeId,
    orderId: original.orderId,
    currency: original.currency,
    occurredAt,
    reversesEntryId: original.id,
    metadata: { reason },
    legs: original.legs.map((l) => ({ ...l, amount: -l.amount })),
  });
}
