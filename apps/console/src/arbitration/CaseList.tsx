import type { Ref } from 'react';
import { ListFooter } from '../common/ListFooter';
import { labelOf, useCommonMessages } from '../common/messages';
import { PanelButton } from '../common/PanelButton';
import { ScrollTable } from '../common/ScrollTable';
import type { Pages } from '../common/useCursorPages';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { caseReference } from './format';
import { useArbitrationMessages } from './messages';
import type { RefundRequest } from './types';
import { Waiting } from './Waiting';

interface CaseListProps {
  list: Pages<RefundRequest>;
  /** The case whose panel is open, if any. */
  openCaseId: string | undefined;
  /** The panel's element id, for the open case's button (aria-controls). */
  panelId: string;
  /** The scrolling table, where focus goes when the open case's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (request: RefundRequest, button: HTMLButtonElement) => void;
}

/**
 * The cases awaiting a decision as a plain table, oldest first (the API's order): the order, the
 * store, the refund asked for in exact minor units, when and by whom it was escalated and how long
 * it has waited since. Later pages come with "Load more": an operator works from the top.
 */
export function CaseList(props: CaseListProps) {
  const { list, openCaseId, panelId, tableRef } = props;
  const { a, locale } = useArbitrationMessages();
  const c = useCommonMessages();

  return (
    <>
      <ScrollTable
        className="arbitration-table"
        caption={a.casesTable}
        busy={list.loading}
        tableRef={tableRef}
      >
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
          {list.items.map((request) => {
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
                  <PanelButton
                    text={a.open}
                    label={a.openCase(reference)}
                    open={isOpen}
                    panelId={panelId}
                    onClick={(button) => props.onOpen(request, button)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <ListFooter list={list} className="arbitration-note" empty={a.noCases} failed={a.loadFailed} />
    </>
  );
}
