import { useEffect, useState } from 'react';
import { formatMoney } from '../format/money';
import type { Loaded } from '../common/useLoad';
import { Instant } from '../orders/Instant';
import { loadWithdrawalPage, type StoreFilter } from './loaders';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf } from '../common/messages';
import { useMoneyMessages } from './messages';
import { Section } from '../common/Section';
import type { Balance, Withdrawal } from './types';
import { useCursorPages } from '../common/useCursorPages';
import { WithdrawForm } from './WithdrawForm';

const PAGE_SIZE = 20;

interface WithdrawalsSectionProps {
  storeId: StoreFilter;
  reloadKey: number;
  balances: Loaded<Balance[]>;
  /** The signed-in person may withdraw (settlement:write); read-only staff only see the list. */
  canWithdraw: boolean | undefined;
  onWithdrawn: (withdrawal: Withdrawal) => void;
}

/** SET-4: the withdrawal form and the store's withdrawals, newest first, a page at a time. */
export function WithdrawalsSection({
  storeId,
  reloadKey,
  balances,
  canWithdraw,
  onWithdrawn,
}: WithdrawalsSectionProps) {
  const { m } = useMoneyMessages();
  // The form stays while the balances are read again after a withdrawal (focus stays in it).
  const [known, setKnown] = useState<Balance[]>();
  useEffect(() => {
    if (balances.state === 'ready') setKnown(balances.data);
  }, [balances]);
  const list = useCursorPages(`${storeId}|${reloadKey}`, (cursor, signal) =>
    loadWithdrawalPage(storeId, PAGE_SIZE, cursor, signal),
  );
  return (
    <Section title={m.withdrawals} className="money-section">
      {canWithdraw === false && <p className="hint">{m.readOnly}</p>}
      {canWithdraw && known && <WithdrawForm balances={known} onWithdrawn={onWithdrawn} />}
      {list.error !== undefined && <LoadProblem error={list.error} onRetry={list.retry} />}
      {list.started && list.items.length === 0 && list.error === undefined && <p>{m.noWithdrawals}</p>}
      {list.items.length > 0 && <WithdrawalTable withdrawals={list.items} />}
      {!list.started && list.loading && <p>{m.loading}</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {list.loading ? m.loading : m.loadMore}
        </button>
      )}
    </Section>
  );
}

function WithdrawalTable({ withdrawals }: { withdrawals: Withdrawal[] }) {
  const { m, locale } = useMoneyMessages();
  return (
    <div className="money-table-wrap">
      <table className="money-table">
        <caption>{m.withdrawalsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colRequestedAt}</th>
            <th scope="col">{m.colStore}</th>
            <th scope="col" className="money-number">
              {m.colAmount}
            </th>
            <th scope="col" className="money-number">
              {m.colPayout}
            </th>
            <th scope="col">{m.colRate}</th>
            <th scope="col">{m.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {withdrawals.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <Instant iso={w.requestedAt} />
              </th>
              <td>{w.storeId}</td>
              <td className="money-number">{formatMoney(w.amount, locale)}</td>
              <td className="money-number">{formatMoney(w.payout, locale)}</td>
              <td>{w.rate ?? m.none}</td>
              <td>
                <span title={w.status}>{labelOf(m.withdrawalStatuses, w.status)}</span>
                {w.failureReason && <span className="secondary money-block">{w.failureReason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
