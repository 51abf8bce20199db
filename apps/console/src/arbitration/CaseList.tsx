import { useId, type Ref } from 'react';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { caseReference } from './format';
import { labelOf, useArbitrationMessages } from './messages';
import type { RefundRequest } from './types';
import { Waiting } from './Waiting';

interface CaseListProps {
  cases: RefundRequest[];
  started: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** The case whose panel is open, if any. */
  openCaseId: string | undefined;
  /** The panel's element id, for the open case's button (aria-controls). */
  panelId: string;
  /** The scrolling table, where focus goes when the open case's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (request: RefundRequest, button: HTMLButtonElement) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

/**
 * The cases awaiting a decision as a plain table, oldest first (the API's order): the order, the
 * store, the refund asked for in exact minor units, when and by whom it was escalated and how long
 * it has waited since. Later pages come with "Load more": an operator works from the top.
 */
export function CaseList(props: CaseListProps) {
  const { cases, started, hasMore, loading, error, openCaseId, panelId, tableRef } = props;
  const { a, locale } = useArbitrationMessages();
  const c = useCommonMessages();
  const captionId = useId();
  const empty = started && cases.length === 0 && !loading && error === undefined;

  return (
    <>
      {/* Wide on a narrow screen: it scrolls, so the keyboard must reach it. */}
      <div
        ref={tableRef}
        className="arbitration-table"
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
      >
        <table aria-busy={loading}>
          <caption id={captionId}>{a.casesTable}</caption>
          <thead>
            <tr>
              <th scope="col">{a.colOrder}</th>
              <th scope="col">{a.colStore}</th>
              <th scope="col" className="cell-money">
                {a.colRequested}
              </th>
              <th scope="col">{a.colEscalated}</th>
              <th scope="col">{a.colBy}</th>
              <th scope="col">{a.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((request) => {
              const isOpen = request.id === openCaseId;
              const reference = caseReference(request);
              return (
                <tr key={request.id} className={isOpen ? 'selected' : undefined} data-request-id={request.id}>
                  <td className="cell-ids">
                    <Link href={orderPath(request.orderId)} className="order-id">
                      {request.orderId}
                    </Link>
                    <span>
                      <span className="secondary">{a.requestLabel} </span>
                      <span className="order-id">{reference}</span>
                    </span>
                  </td>
                  <td>{request.storeId}</td>
                  <td className="cell-money">{formatMoney(request.requested, locale)}</td>
                  <td>
                    {request.escalation ? (
                      <span className="arbitration-when">
                        <Instant iso={request.escalation.at} />
                        <Waiting since={request.escalation.at} />
                      </span>
                    ) : (
                      c.none
                    )}
                  </td>
                  <td>{request.escalation ? labelOf(a.escalatedBy, request.escalation.by) : c.none}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={a.openCase(reference)}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? panelId : undefined}
                      onClick={(event) => props.onOpen(request, event.currentTarget)}
                    >
                      {a.open}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {empty && <p className="arbitration-note">{a.noCases}</p>}
      {loading && <p className="arbitration-note">{c.loading}</p>}
      {error !== undefined && (
        <div className="arbitration-note">
          <LoadProblem error={error} onRetry={props.onRetry} failed={a.loadFailed} />
        </div>
      )}
      {hasMore && !loading && error === undefined && (
        <p className="arbitration-note">
          <button type="button" onClick={props.onLoadMore}>
            {c.loadMore}
          </button>
        </p>
      )}
    </>
  );
}
