import { formatMoney } from '../format/money';
import { useI18n } from '../i18n/useI18n';
import { Instant } from '../orders/Instant';
import { Fact, Facts } from './Facts';
import { LoadProblem } from '../common/LoadProblem';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { useOrderMessages, type OrderMessages } from './messages';
import { Section } from '../common/Section';
import type { LedgerEntry, SettlementOrder } from './types';
import type { Loaded } from '../common/useLoad';

interface SettlementSectionProps {
  settlement: Loaded<SettlementOrder>;
  onRetry: () => void;
}

/** SET-1..7: the order's money: what is frozen or released, holds, refunds and its ledger entries. */
export function SettlementSection({ settlement, onRetry }: SettlementSectionProps) {
  const m = useOrderMessages();
  return (
    <Section title={m.sections.settlement} className="order-section">
      {settlement.state === 'loading' && <p>{m.loading}</p>}
      {settlement.state === 'failed' && (
        // 404: Settlement knows the order only from its delivery on (SET-1).
        <LoadProblem error={settlement.error} notFound={m.notInSettlement} onRetry={onRetry} />
      )}
      {settlement.state === 'ready' && <SettlementDetails settlement={settlement.data} />}
    </Section>
  );
}

function SettlementDetails({ settlement }: { settlement: SettlementOrder }) {
  const m = useOrderMessages();
  const labels = useCodeLabels();
  const { locale } = useI18n();
  const currency = settlement.total.currency;
  const money = (minor: string) => formatMoney({ minor, currency }, locale);
  return (
    <>
      <Facts>
        <Fact term={m.fundStatus}>
          <span title={settlement.fundStatus}>{labelOf(m.fundStatuses, settlement.fundStatus)}</span>
        </Fact>
        <Fact term={m.orderTotal}>
          <span className="order-money">{formatMoney(settlement.total, locale)}</span>
        </Fact>
        <Fact term={m.commission}>
          <span className="order-money">{formatMoney(settlement.commission, locale)}</span>
        </Fact>
        <Fact term={m.refunded}>
          <span className="order-money">{formatMoney(settlement.refunded, locale)}</span>
        </Fact>
        <Fact term={m.frozenNow}>
          <span className="order-money">{formatMoney(settlement.frozen, locale)}</span>
        </Fact>
        <Fact term={m.released}>
          <span className="order-money">{formatMoney(settlement.released, locale)}</span>
        </Fact>
        <Fact term={m.delivered}>
          {settlement.deliveredAt ? <Instant iso={settlement.deliveredAt} /> : m.notYet}
        </Fact>
        <Fact term={m.reviewedAt}>
          {settlement.reviewedAt ? <Instant iso={settlement.reviewedAt} /> : m.notYet}
        </Fact>
        <Fact term={m.releasedAt}>
          {settlement.releasedAt ? <Instant iso={settlement.releasedAt} /> : m.notYet}
        </Fact>
        {settlement.holdReasons.length > 0 && (
          <Fact term={m.holdReasons}>
            <ul className="order-plain-list">
              {settlement.holdReasons.map((reason) => (
                <li key={reason}>{labelOf(labels.holdReasons, reason)}</li>
              ))}
            </ul>
          </Fact>
        )}
        {settlement.decisions.length > 0 && (
          <Fact term={m.decisions}>
            <ul className="order-plain-list">
              {settlement.decisions.map((d) => (
                <li key={`${d.decidedAt}-${d.decision}`}>
                  {m.decisionBy(labelOf(labels.holdDecisions, d.decision), d.decidedBy, d.reason)}{' '}
                  <Instant iso={d.decidedAt} />
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {settlement.refunds.length > 0 && (
          <Fact term={m.refundsPosted}>
            <ul className="order-plain-list">
              {settlement.refunds.map((r) => (
                <li key={r.refundId}>
                  {m.refundPosted(
                    money(r.amountMinor),
                    money(r.commissionReturnedMinor),
                    labelOf(labels.takenFrom, r.takenFrom),
                  )}{' '}
                  <Instant iso={r.postedAt} />
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </Facts>
      <LedgerTable entries={settlement.entries} />
    </>
  );
}

/** "store-x:FROZEN" as "store-x · frozen"; the platform's own accounts named as such. */
function accountName(account: string, m: OrderMessages): string {
  const cut = account.lastIndexOf(':');
  if (cut < 0) return account;
  const owner = account.slice(0, cut);
  return `${owner === 'platform' ? m.platform : owner} · ${labelOf(m.accountKinds, account.slice(cut + 1))}`;
}

/** One row group per entry, one row per posting; amounts are the API's minor units, never floats. */
function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  const m = useOrderMessages();
  const { locale } = useI18n();
  if (entries.length === 0) return <p>{m.noEntries}</p>;
  return (
    <table className="order-table">
      <caption>{m.ledgerEntries}</caption>
      <thead>
        <tr>
          <th scope="col">{m.colEntry}</th>
          <th scope="col">{m.colAccount}</th>
          <th scope="col" className="order-number">
            {m.colAmount}
          </th>
          <th scope="col" className="order-number">
            {m.colBalanceAfter}
          </th>
        </tr>
      </thead>
      {entries.map((entry) => (
        <tbody key={entry.id} className="order-entry">
          {entry.postings.map((posting, index) => (
            <tr key={`${posting.account}-${index}`}>
              {index === 0 && (
                <th scope="rowgroup" rowSpan={entry.postings.length}>
                  <span className="order-entry-kind" title={entry.kind}>
                    {labelOf(m.entryKinds, entry.kind)}
                  </span>
                  <Instant iso={entry.occurredAt} />
                  {entry.reversesEntryId && (
                    <span className="order-note">{m.reversesEntry(entry.reversesEntryId)}</span>
                  )}
                </th>
              )}
              <td>
                <span title={posting.account}>{accountName(posting.account, m)}</span>
              </td>
              <td className="order-number">
                {formatMoney({ minor: posting.amount, currency: entry.currency }, locale)}
              </td>
              <td className="order-number">
                {formatMoney({ minor: posting.balanceAfter, currency: entry.currency }, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
