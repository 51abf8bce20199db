import { labelOf } from '../common/messages';
import { formatLocalTime } from '../format/time';
import { useLoad } from '../common/useLoad';
import { orderPath } from '../routing/paths';
import { Link } from '../routing/Link';
import { loadPenalties } from './loaders';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { Section } from '../common/Section';
import type { PenaltyCase, SellerPenalties } from './types';

/** CMP-4: the seller account's penalty points, counted cases and closure, with every case's references. */
export function PenaltiesSection({ storeId }: { storeId: string }) {
  const { h } = useHealthMessages();
  const { loaded, retry } = useLoad(storeId, (signal) => loadPenalties(storeId, signal));
  return (
    <Section title={h.sections.penalties} className="health-section">
      <LoadedView loaded={loaded} onRetry={retry}>
        {(accounts) =>
          accounts.length === 0 ? (
            <p>{h.noAccounts}</p>
          ) : (
            accounts.map((account) => (
              <SellerAccount key={account.sellerId} account={account} named={accounts.length > 1} />
            ))
          )
        }
      </LoadedView>
    </Section>
  );
}

function SellerAccount({ account, named }: { account: SellerPenalties; named: boolean }) {
  const { h, locale } = useHealthMessages();
  return (
    <div className="health-account">
      {named && <h3>{h.sellerAccount(account.sellerId)}</h3>}
      <dl className="health-facts">
        <div>
          <dt>{h.points}</dt>
          <dd className={account.points > 0 ? 'health-points bad' : 'health-points'}>{account.points}</dd>
        </div>
        <div>
          <dt>{h.countedCases}</dt>
          <dd>{h.countedCasesValue(account.countedCases, account.casesToClose)}</dd>
        </div>
        <div>
          <dt>{h.accountStatus}</dt>
          <dd className={account.closed ? 'health-bad' : undefined}>
            {account.closed
              ? h.accountClosed(account.closedAt ? formatLocalTime(account.closedAt, locale) : '')
              : h.accountOpen}
          </dd>
        </div>
      </dl>
      {account.cases.length === 0 ? <p>{h.noCases}</p> : <CasesTable cases={account.cases} />}
    </div>
  );
}

function CasesTable({ cases }: { cases: PenaltyCase[] }) {
  const { h, locale } = useHealthMessages();
  const time = (iso: string) => <time dateTime={iso}>{formatLocalTime(iso, locale)}</time>;
  return (
    <div className="health-table-wrap">
      <table className="health-table health-cases">
        <caption>{h.casesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{h.colCase}</th>
            <th scope="col">{h.colReferences}</th>
            <th scope="col" className="num">
              {h.colPoints}
            </th>
            <th scope="col">{h.colReason}</th>
            <th scope="col">{h.colConfirmed}</th>
            <th scope="col">{h.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.caseId}>
              <th scope="row" className="health-code">
                {c.caseId}
              </th>
              <td>
                <dl className="health-refs">
                  <dt>{h.colStore}</dt>
                  <dd>{c.storeId}</dd>
                  <dt>{h.colOrder}</dt>
                  <dd>
                    <Link href={orderPath(c.orderId)} className="health-code">
                      {c.orderId}
                    </Link>
                  </dd>
                  <dt>{h.packageRef}</dt>
                  <dd className="health-code">{c.packageId}</dd>
                  <dt>{h.taskRef}</dt>
                  <dd className="health-code">{c.taskId}</dd>
                </dl>
              </td>
              <td className="num">{c.points}</td>
              <td>{c.reason}</td>
              <td>
                {time(c.confirmedAt)}
                <span className="health-muted"> {h.confirmedBy(c.confirmedBy)}</span>
              </td>
              <td>
                {c.counted ? (
                  <span className="health-bad">{h.counted}</span>
                ) : (
                  h.reversed(
                    c.reversedAt ? formatLocalTime(c.reversedAt, locale) : '',
                    c.reversalReason ?? '',
                  )
                )}
                {c.appeals.length > 0 && (
                  <>
                    <span className="health-appeals-title">{h.appeals}</span>
                    <ul className="health-appeals">
                      {c.appeals.map((a) => (
                        <li key={a.decidedAt}>
                          {labelOf(h.appealOutcomes, a.outcome)}, {time(a.decidedAt)}: {a.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
