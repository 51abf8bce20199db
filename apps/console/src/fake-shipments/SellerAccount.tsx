import { Fragment, useId, useRef, useState } from 'react';
import { PanelButton } from '../common/PanelButton';
import { ScrollTable } from '../common/ScrollTable';
import type { PenaltyCase, SellerPenalties } from '../health/types';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { AppealForm } from './AppealForm';
import { CaseStatus } from './CaseStatus';
import { useFakeShipmentMessages } from './messages';
import { TrackingReference } from './TrackingReference';
import type { AppealOutcome } from './types';

interface SellerAccountProps {
  account: SellerPenalties;
  onDecided: (account: SellerPenalties, penaltyCase: PenaltyCase, outcome: AppealOutcome) => void;
}

/**
 * One seller's penalty account (CMP-4): points, counted cases against the bar, open or closed, and
 * every case with its references. A counted case takes an appeal decision in a form under its row;
 * the answer replaces the account in place and the focus goes to its heading.
 */
export function SellerAccount({ account, onDecided }: SellerAccountProps) {
  const { f } = useFakeShipmentMessages();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [appealing, setAppealing] = useState<{ caseId: string; opener: HTMLButtonElement }>();

  const cancel = () => {
    const opener = appealing?.opener;
    setAppealing(undefined);
    requestAnimationFrame(() => opener?.focus());
  };

  const decided = (next: SellerPenalties, penaltyCase: PenaltyCase, outcome: AppealOutcome) => {
    setAppealing(undefined);
    onDecided(next, penaltyCase, outcome);
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <article
      className={account.closed ? 'penalty-account closed' : 'penalty-account'}
      aria-labelledby={`${ids}-heading`}
      data-seller-id={account.sellerId}
    >
      <div className="penalty-account-head">
        <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
          {f.sellerHeading(account.sellerId)}
        </h2>
        {account.closed && <strong className="closed-badge">{f.closedBadge}</strong>}
      </div>
      <dl className="penalty-facts" aria-label={f.accountFacts(account.sellerId)}>
        <div>
          <dt>{f.points}</dt>
          <dd className={account.points > 0 ? 'penalty-points bad' : 'penalty-points'}>{account.points}</dd>
        </div>
        <div>
          <dt>{f.countedCases}</dt>
          <dd>{f.countedCasesValue(account.countedCases, account.casesToClose)}</dd>
        </div>
        <div>
          <dt>{f.status}</dt>
          <dd>
            {account.closed ? (
              <span className="penalty-closed">
                {f.closedBadge}
                {account.closedAt && (
                  <span className="secondary">
                    {' '}
                    {f.closedSince} <Instant iso={account.closedAt} />
                  </span>
                )}
              </span>
            ) : (
              f.open
            )}
          </dd>
        </div>
        <div>
          <dt>{f.stores}</dt>
          <dd>{account.storeIds.join(', ')}</dd>
        </div>
      </dl>
      {account.closed && <p className="hint penalty-closed-note">{f.closedNote}</p>}
      {account.cases.length === 0 ? (
        <p>{f.noCases}</p>
      ) : (
        <CasesTable
          account={account}
          appealingId={appealing?.caseId}
          formId={`${ids}-appeal`}
          onAppeal={(caseId, opener) => setAppealing({ caseId, opener })}
          onCancel={cancel}
          onDecided={decided}
        />
      )}
    </article>
  );
}

interface CasesTableProps {
  account: SellerPenalties;
  appealingId: string | undefined;
  formId: string;
  onAppeal: (caseId: string, opener: HTMLButtonElement) => void;
  onCancel: () => void;
  onDecided: (account: SellerPenalties, penaltyCase: PenaltyCase, outcome: AppealOutcome) => void;
}

function CasesTable({ account, appealingId, formId, onAppeal, onCancel, onDecided }: CasesTableProps) {
  const { f } = useFakeShipmentMessages();
  return (
    <ScrollTable className="penalty-table" caption={f.casesCaption(account.sellerId)}>
      <thead>
        <tr>
          <th scope="col">{f.colCase}</th>
          <th scope="col">{f.colReferences}</th>
          <th scope="col">{f.colConfirmed}</th>
          <th scope="col" className="num">
            {f.colPoints}
          </th>
          <th scope="col">{f.colStatus}</th>
          <th scope="col">{f.colAction}</th>
        </tr>
      </thead>
      <tbody>
        {account.cases.map((c) => {
          const open = c.caseId === appealingId;
          return (
            <Fragment key={c.caseId}>
              <tr data-case-id={c.caseId} className={c.counted ? undefined : 'reversed'}>
                <th scope="row" className="order-id">
                  {c.caseId}
                </th>
                <td>
                  <dl className="penalty-refs">
                    <dt>{f.storeRef}</dt>
                    <dd>{c.storeId}</dd>
                    <dt>{f.orderRef}</dt>
                    <dd>
                      <Link href={orderPath(c.orderId)} className="order-id">
                        {c.orderId}
                      </Link>
                    </dd>
                    <dt>{f.packageRef}</dt>
                    <dd className="order-id">{c.packageId}</dd>
                    <dt>{f.trackingRef}</dt>
                    <dd>
                      <TrackingReference packageId={c.packageId} />
                    </dd>
                    <dt>{f.taskRef}</dt>
                    <dd className="order-id">{c.taskId}</dd>
                  </dl>
                </td>
                <td>
                  <Instant iso={c.confirmedAt} />
                  <span className="secondary penalty-by">{f.confirmedBy(c.confirmedBy)}</span>
                  <span className="penalty-reason">
                    <span className="secondary">{f.reviewerReason}: </span>
                    {c.reason}
                  </span>
                </td>
                <td className="num">{c.points}</td>
                <td>
                  <CaseStatus penaltyCase={c} />
                </td>
                <td>
                  {c.counted ? (
                    <PanelButton
                      text={f.decideAppeal}
                      label={f.decideAppealFor(c.caseId)}
                      open={open}
                      panelId={formId}
                      onClick={(button) => (open ? onCancel() : onAppeal(c.caseId, button))}
                    />
                  ) : (
                    <span className="secondary">{f.noAction}</span>
                  )}
                </td>
              </tr>
              {open && (
                <tr className="appeal-row">
                  <td colSpan={6}>
                    <AppealForm
                      penaltyCase={c}
                      casesToClose={account.casesToClose}
                      id={formId}
                      onCancel={onCancel}
                      onDecided={(next, outcome) => onDecided(next, c, outcome)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
