import { useId, useRef, useState } from 'react';
import { labelOf } from '../common/messages';
import { NotYourPage } from '../common/NotYourPage';
import { useCursorPages } from '../common/useCursorPages';
import { useOpenPanel } from '../common/useOpenPanel';
import { formatMoney } from '../format/money';
import { formatUtcTime } from '../format/time';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { HeldReviewList } from './HeldReviewList';
import { HeldReviewPanel } from './HeldReviewPanel';
import { loadHeldPage } from './loaders';
import { useHeldSettlementsMessages, type HeldSettlementsMessages } from './messages';
import { leftQueue, outcomeOf, type DecisionOutcome } from './outcome';
import type { SettlementOrder } from './types';
import './held-settlements.css';

/**
 * The operators' held-settlement queue (SET-2, SET-3): reviews that hold a delivered order's money,
 * oldest first, with how long each has been held and why. One opens in a panel with the order's
 * settlement timeline, where the operator releases it or keeps holding it, with a reason; the
 * answer says whether the money was released at once, releases at its normal time or is still
 * held, and a review no longer held leaves the list. Seller staff are told it is not theirs.
 */
export function HeldSettlementsPage() {
  const { h, locale } = useHeldSettlementsMessages();
  useDocumentTitle(h.title);
  const operator = useIsPlatformOperator();
  const panelId = useId();
  // The last decision's outcome: the status line says it in whichever language is chosen later.
  const [outcome, setOutcome] = useState<DecisionOutcome>();
  const table = useRef<HTMLDivElement>(null);
  const panel = useOpenPanel<SettlementOrder>(table);
  const held = useCursorPages(operator ? 'held-reviews' : null, loadHeldPage);

  if (operator === false) return <NotYourPage title={h.title} who={h.operatorsOnly} />;

  const openReview = (review: SettlementOrder, opener: HTMLButtonElement) => {
    setOutcome(undefined);
    panel.show(review, opener);
  };

  const decided = (answer: SettlementOrder) => {
    const result = outcomeOf(answer);
    setOutcome(result);
    if (leftQueue(result)) {
      held.edit((items) => items.filter((item) => item.orderId !== answer.orderId));
      panel.closeToList();
    } else {
      // The queue's row shows the answer (its entries are left out there, as the list leaves them).
      held.edit((items) =>
        items.map((item) => (item.orderId === answer.orderId ? { ...answer, entries: [] } : item)),
      );
    }
  };

  return (
    <>
      <h1>{h.title}</h1>
      <p className="hint held-intro">{h.intro}</p>
      <p role="status" className="announcement held-status">
        {outcome ? outcomeText(outcome, h, locale) : ''}
      </p>
      {operator && (
        <HeldReviewList
          list={held}
          openOrderId={panel.item?.orderId}
          panelId={panelId}
          tableRef={table}
          onOpen={openReview}
        />
      )}
      {panel.item && (
        <HeldReviewPanel
          key={panel.item.orderId}
          review={panel.item}
          id={panelId}
          onClose={panel.close}
          onDecided={decided}
        />
      )}
    </>
  );
}

/** What the server's answer to a decision says, in the language shown now. */
function outcomeText(outcome: DecisionOutcome, h: HeldSettlementsMessages, locale: string): string {
  const { order, orderId } = outcome;
  switch (outcome.kind) {
    case 'releasedNow':
      return h.releasedNow(orderId, formatMoney(order.released, locale));
    case 'releasesOnTime':
      return h.releasesOnTime(orderId, order.releaseAt ? formatUtcTime(order.releaseAt, locale) : '—');
    case 'stillHeld':
      return h.stillHeld(orderId);
    case 'other':
      return h.otherOutcome(orderId, labelOf(h.fundStatuses, order.fundStatus));
  }
}
