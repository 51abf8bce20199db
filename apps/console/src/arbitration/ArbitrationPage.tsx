import { useId, useRef, useState } from 'react';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { NotYourPage } from '../common/NotYourPage';
import { useOpenPanel } from '../common/useOpenPanel';
import { formatMoney } from '../format/money';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { CaseList } from './CaseList';
import { CasePanel } from './CasePanel';
import { caseReference } from './format';
import { useArbitrationMessages } from './messages';
import type { RefundRequest } from './types';
import { useArbitrationQueue } from './useArbitrationQueue';
import './arbitration.css';

/**
 * Platform arbitration (DSP-4): refund requests a buyer or seller escalated, oldest first with how
 * long each has waited. A case opens in a panel with both sides' story and evidence, where the
 * operator decides a full, partial or no refund with a reason; the decided case leaves the queue
 * and the answer's outcome is announced. Seller staff are told operators work it.
 */
export function ArbitrationPage() {
  const { a, locale } = useArbitrationMessages();
  const labels = useCodeLabels();
  useDocumentTitle(a.title);
  const operator = useIsPlatformOperator();
  const panelId = useId();
  // The last decision as the API answered it: the status line says it in whichever language is chosen later.
  const [decided, setDecided] = useState<RefundRequest>();
  const table = useRef<HTMLDivElement>(null);
  const panel = useOpenPanel<RefundRequest>(table);
  const queue = useArbitrationQueue(operator === true);

  if (operator === false) return <NotYourPage title={a.title} who={a.operatorsOnly} />;

  const open = (request: RefundRequest, opener: HTMLButtonElement) => {
    setDecided(undefined);
    panel.show(request, opener);
  };

  const onDecided = (request: RefundRequest) => {
    queue.remove(request.id);
    panel.closeToList();
    setDecided(request);
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
              decided.outcome && labelOf(labels.refundOutcomes, decided.outcome),
            )}{' '}
            <Link href={orderPath(decided.orderId)}>{a.orderLink}</Link>
          </>
        )}
      </p>
      <CaseList list={queue} openCaseId={panel.item?.id} panelId={panelId} tableRef={table} onOpen={open} />
      {panel.item && (
        <CasePanel
          key={panel.item.id}
          listed={panel.item}
          id={panelId}
          onClose={panel.close}
          onDecided={onDecided}
        />
      )}
    </>
  );
}
