import { useId, useRef, useState } from 'react';
import { formatMoney } from '../format/money';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { CaseList } from './CaseList';
import { CasePanel } from './CasePanel';
import { caseReference } from './format';
import { labelOf, useArbitrationMessages } from './messages';
import type { RefundRequest } from './types';
import { useArbitrationQueue } from './useArbitrationQueue';
import './arbitration.css';

/** The case whose panel is open and the button that opened it (focus goes back there). */
interface OpenCase {
  request: RefundRequest;
  opener: HTMLButtonElement;
}

/**
 * Platform arbitration (DSP-4): refund requests a buyer or seller escalated, oldest first with how
 * long each has waited. A case opens in a panel with both sides' story and evidence, where the
 * operator decides a full, partial or no refund with a reason; the decided case leaves the queue
 * and the answer's outcome is announced. Seller staff are told operators work it.
 */
export function ArbitrationPage() {
  const { a, locale } = useArbitrationMessages();
  useDocumentTitle(a.title);
  const operator = useIsPlatformOperator();
  const panelId = useId();
  const [openCase, setOpenCase] = useState<OpenCase>();
  // The last decision as the API answered it: the status line says it in whichever language is chosen later.
  const [decided, setDecided] = useState<RefundRequest>();
  const table = useRef<HTMLDivElement>(null);
  const queue = useArbitrationQueue(operator === true);

  if (operator === false)
    return (
      <>
        <h1>{a.title}</h1>
        <p>{a.operatorsOnly}</p>
      </>
    );

  /** Back to the row's Open button, or to the table when that row has left the list. */
  const returnFocus = (opener: HTMLButtonElement | undefined) => {
    requestAnimationFrame(() => (opener?.isConnected ? opener : table.current)?.focus());
  };

  const open = (request: RefundRequest, opener: HTMLButtonElement) => {
    setDecided(undefined);
    setOpenCase({ request, opener });
  };

  const close = () => {
    returnFocus(openCase?.opener);
    setOpenCase(undefined);
  };

  const onDecided = (request: RefundRequest) => {
    queue.remove(request.id);
    setOpenCase(undefined);
    setDecided(request);
    returnFocus(undefined);
  };

  return (
    <>
      <h1>{a.title}</h1>
      <p className="hint arbitration-intro">{a.intro}</p>
      <p role="status" className="announcement arbitration-decided">
        {decided && (
          <>
            {a.decided(
              caseReference(decided),
              decided.arbitration
                ? (a.decidedAs[decided.arbitration.decision]?.(
                    formatMoney(decided.arbitration.amount, locale),
                  ) ?? decided.arbitration.decision)
                : '',
              labelOf(a.statuses, decided.status),
              decided.outcome && labelOf(a.outcomes, decided.outcome),
            )}{' '}
            <Link href={orderPath(decided.orderId)}>{a.orderLink}</Link>
          </>
        )}
      </p>
      <CaseList
        cases={queue.cases}
        started={queue.started}
        hasMore={queue.hasMore}
        loading={queue.loading}
        error={queue.error}
        openCaseId={openCase?.request.id}
        panelId={panelId}
        tableRef={table}
        onOpen={open}
        onLoadMore={queue.loadMore}
        onRetry={queue.retry}
      />
      {openCase && (
        <CasePanel
          key={openCase.request.id}
          listed={openCase.request}
          id={panelId}
          onClose={close}
          onDecided={onDecided}
        />
      )}
    </>
  );
}
