import { formatMoney } from '../format/money';
import type { Loaded } from '../common/useLoad';
import { sumMinor } from './amounts';
import { LoadProblem } from '../common/LoadProblem';
import { useMoneyMessages } from './messages';
import { Section } from '../common/Section';
import type { Balance } from './types';

interface BalancesSectionProps {
  balances: Loaded<Balance[]>;
  onRetry: () => void;
}

/** SET-1, SET-3..5: one table per currency, a row per store: frozen, available and in payout. */
export function BalancesSection({ balances, onRetry }: BalancesSectionProps) {
  const { m } = useMoneyMessages();
  return (
    <Section title={m.balances} className="money-section">
      {balances.state === 'loading' && <p>{m.loading}</p>}
      {balances.state === 'failed' && <LoadProblem error={balances.error} onRetry={onRetry} />}
      {balances.state === 'ready' && balances.data.length === 0 && <p>{m.noBalances}</p>}
      {balances.state === 'ready' && balances.data.length > 0 && (
        <>
          <div className="money-currencies">
            {currenciesOf(balances.data).map((currency) => (
              <CurrencyTable
                key={currency}
                currency={currency}
                rows={balances.data.filter((b) => b.currency === currency)}
              />
            ))}
          </div>
          {balances.data.some((b) => BigInt(b.available) < 0n) && <p className="hint">{m.debtNote}</p>}
        </>
      )}
    </Section>
  );
}

const currenciesOf = (balances: Balance[]): string[] => [...new Set(balances.map((b) => b.currency))].sort();

function CurrencyTable({ currency, rows }: { currency: string; rows: Balance[] }) {
  const { m, locale } = useMoneyMessages();
  const money = (minor: string) => formatMoney({ minor, currency }, locale);
  const sorted = [...rows].sort((a, b) => a.storeId.localeCompare(b.storeId));
  return (
    <div className="money-table-wrap">
      <table className="money-table">
        <caption>{m.balancesIn(currency)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colStore}</th>
            <th scope="col" className="money-number">
              {m.colFrozen}
            </th>
            <th scope="col" className="money-number">
              {m.colAvailable}
            </th>
            <th scope="col" className="money-number">
              {m.colInPayout}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((b) => (
            <tr key={b.storeId}>
              <th scope="row">{b.storeId}</th>
              <td className="money-number">{money(b.frozen)}</td>
              <td className={BigInt(b.available) < 0n ? 'money-number money-debt' : 'money-number'}>
                {money(b.available)}
              </td>
              <td className="money-number">{money(b.payoutInTransit)}</td>
            </tr>
          ))}
        </tbody>
        {sorted.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{m.total}</th>
              <td className="money-number">{money(sumMinor(sorted.map((b) => b.frozen)))}</td>
              <td className="money-number">{money(sumMinor(sorted.map((b) => b.available)))}</td>
              <td className="money-number">{money(sumMinor(sorted.map((b) => b.payoutInTransit)))}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
