import { useState } from 'react';
import { useWhoami } from '../api/useWhoami';
import { formatMoney } from '../format/money';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { NotYourPage } from '../common/NotYourPage';
import { StoreFilter } from '../common/StoreFilter';
import { useLoad } from '../common/useLoad';
import { BalancesSection } from './BalancesSection';
import { LedgerSection } from './LedgerSection';
import { loadBalances, loadFrozenOrders, loadPayoutCycle, loadReleaseSchedule } from './loaders';
import { useMoneyMessages } from './messages';
import { ReleaseCalendarSection } from './ReleaseCalendarSection';
import type { Withdrawal } from './types';
import { WithdrawalsSection } from './WithdrawalsSection';
import './money.css';

/**
 * A seller's money (SET-1..SET-7): balances per store and currency, the release calendar of frozen
 * proceeds, withdrawals (in the balance's currency or CNY at a quote) and the ledger with its
 * exports, for one store or all the person may see.
 */
export function MoneyPage() {
  const { m, locale } = useMoneyMessages();
  useDocumentTitle(m.title);
  const whoami = useWhoami();
  const [storeId, setStoreId] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  // Nothing is read for a platform operator, nor before it is known who is signed in.
  const staff = whoami?.kind === 'staff' ? whoami.me : undefined;
  const key = (part: string) => (staff ? `${part}|${storeId}|${reloadKey}` : null);
  const balances = useLoad(key('balances'), (signal) => loadBalances(storeId, signal));
  const schedule = useLoad(key('schedule'), (signal) => loadReleaseSchedule(storeId, signal));
  const frozen = useLoad(key('frozen'), (signal) => loadFrozenOrders(storeId, signal));
  const payoutCycle = useLoad(key('cycle'), (signal) => loadPayoutCycle(storeId, signal));

  if (whoami?.kind === 'operator') return <NotYourPage title={m.title} who={m.sellersOnly} />;

  const withdrawn = (w: Withdrawal) => {
    setAnnouncement(m.withdrawn(formatMoney(w.amount, locale), formatMoney(w.payout, locale)));
    setReloadKey((k) => k + 1);
  };

  return (
    <div className="money-page">
      <h1>{m.title}</h1>
      <p className="hint money-intro">{m.intro}</p>
      <StoreFilter
        id="money-store"
        storeId={storeId}
        storeIds={staff?.storeIds}
        onChange={(next) => {
          setAnnouncement('');
          setStoreId(next);
        }}
      />
      <p role="status" className="announcement">
        {announcement}
      </p>
      <BalancesSection balances={balances.loaded} onRetry={balances.retry} />
      <ReleaseCalendarSection
        schedule={schedule.loaded}
        frozen={frozen.loaded}
        payoutCycle={payoutCycle.loaded}
        onRetry={() => {
          schedule.retry();
          frozen.retry();
          payoutCycle.retry();
        }}
      />
      <WithdrawalsSection
        storeId={storeId}
        reloadKey={reloadKey}
        balances={balances.loaded}
        canWithdraw={staff ? staff.scopes.includes('settlement:write') : undefined}
        onWithdrawn={withdrawn}
      />
      <LedgerSection storeId={storeId} reloadKey={reloadKey} onAnnounce={setAnnouncement} />
    </div>
  );
}
