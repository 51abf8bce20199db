import { defineEntity, p } from '@mikro-orm/postgresql';
import { jsonColumn } from '@tradehub/platform';
import { type AppealDecision, type PenaltyCase, SellerAccount } from '../domain';

type Iso<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends Date ? string : string | null };
type AppealJson = Iso<AppealDecision, 'decidedAt'>;
type CaseJson = Omit<Iso<PenaltyCase, 'confirmedAt' | 'recordedAt' | 'reversedAt'>, 'appeals'> & {
  appeals: AppealJson[];
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (s: string | null): Date | null => (s ? new Date(s) : null);

/** The cases with their instants as ISO strings in the jsonb column, as Dates in the domain. */
const PenaltyCases = jsonColumn<PenaltyCase[], CaseJson[]>(
  (cases) =>
    cases.map((c) => ({
      ...c,
      confirmedAt: c.confirmedAt.toISOString(),
      recordedAt: c.recordedAt.toISOString(),
      reversedAt: iso(c.reversedAt),
      appeals: c.appeals.map((a) => ({ ...a, decidedAt: a.decidedAt.toISOString() })),
    })),
  (json) =>
    json.map((c) => ({
      ...c,
      confirmedAt: new Date(c.confirmedAt),
      recordedAt: new Date(c.recordedAt),
      reversedAt: date(c.reversedAt),
      appeals: c.appeals.map((a) => ({ ...a, decidedAt: new Date(a.decidedAt) })),
    })),
);

const instant = () => p.datetime().columnType('timestamptz');

/** `compliance.seller_accounts`: CMP-4, one row per seller with its cases. */
export const SellerAccountEntity = defineEntity({
  class: SellerAccount,
  tableName: 'seller_accounts',
  schema: 'compliance',
  properties: {
    id: p.text().primary().fieldName('seller_id'),
    points: p.integer(),
    countedCases: p.integer(),
    closed: p.boolean(),
    closedAt: instant().nullable(),
    cases: p.type(PenaltyCases),
    createdAt: instant(),
    updatedAt: instant(),
    version: p.integer().version(),
  },
});
