import { useId, useRef, useState } from 'react';
import { DetailPanel } from '../common/DetailPanel';
import { LoadProblem } from '../common/LoadProblem';
import { useCodeLabels } from '../common/code-labels';
import { labelOf, shortId } from '../common/messages';
import { useLoad } from '../common/useLoad';
import { formatMoney } from '../format/money';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { HeldFor } from './HeldFor';
import { HoldDecisionForm } from './HoldDecisionForm';
import { loadSettlement } from './loaders';
import { useHeldSettlementsMessages } from './messages';
import { SettlementTimeline } from './SettlementTimeline';
import type { SettlementOrder } from './types';

interface HeldReviewPanelProps {
  /** The queue's row: shown at once, while the full timeline loads. */
  review: SettlementOrder;
  id: string;
  onClose: () => void;
  onDecided: (answer: SettlementOrder) => void;
}

/**
 * One held review to decide: its facts, the order's settlement timeline and the decision form.
 * Its heading takes the focus when it opens (and after a decision that keeps holding), so keyboard
 * and screen-reader users land on it; Escape inside the panel closes it.
 */
export function HeldReviewPanel({ review, id, onClose, onDecided }: HeldReviewPanelProps) {
  const { h, locale } = useHeldSettlementsMessages();
  const labels = useCodeLabels();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { loaded, retry } = useLoad(review.orderId, (signal) => loadSettlement(review.orderId, signal));
  // A decision's answer is the order as it is now: newer than what was loaded.
  const [answered, setAnswered] = useState<SettlementOrder>();
  const order = answered ?? (loaded.state === 'ready' ? loaded.data : review);

  const decided = (answer: SettlementOrder) => {
    setAnswered(answer);
    onDecided(answer);
    // Still held: the panel stays, and so does the reader (the form's button was theirs).
    if (answer.fundStatus === 'HELD') heading.current?.focus();
  };

  const money = (m: SettlementOrder['total']) => <span className="held-money">{formatMoney(m, locale)}</span>;

  return (
    <DetailPanel
      id={id}
      className="held-panel"
      headClassName="held-panel-head"
      heading={h.panelHeading(shortId(review.orderId))}
      closeLabel={h.closePanel}
      onClose={onClose}
      itemKey={review.orderId}
      headingRef={heading}
    >
      <dl className="held-facts" aria-label={h.facts}>
        <div>
          <dt>{h.orderId}</dt>
          <dd className="order-id">{order.orderId}</dd>
        </div>
        <div>
          <dt>{h.orderPage}</dt>
          <dd>
            <Link href={orderPath(order.orderId)}>{h.openOrderPage}</Link>
          </dd>
        </div>
        <div>
          <dt>{h.colStore}</dt>
          <dd>{order.storeId}</dd>
        </div>
        <div>
          <dt>{h.fundStatus}</dt>
          <dd title={order.fundStatus}>{labelOf(h.fundStatuses, order.fundStatus)}</dd>
        </div>
        <div>
          <dt>{h.frozenNow}</dt>
          <dd>{money(order.frozen)}</dd>
        </div>
        <div>
          <dt>{h.total}</dt>
          <dd>{money(order.total)}</dd>
        </div>
        <div>
          <dt>{h.commission}</dt>
          <dd>{money(order.commission)}</dd>
        </div>
        <div>
          <dt>{h.refunded}</dt>
          <dd>{money(order.refunded)}</dd>
        </div>
        <div>
          <dt>{h.released}</dt>
          <dd>{money(order.released)}</dd>
        </div>
        <div>
          <dt>{h.colHeldFor}</dt>
          <dd>
            <HeldFor since={order.heldAt ?? order.reviewedAt} />
          </dd>
        </div>
        <div>
          <dt>{h.holdReasons}</dt>
          <dd>
            <ul className="held-reasons">
              {order.holdReasons.map((reason) => (
                <li key={reason} title={reason}>
                  {labelOf(labels.holdReasons, reason)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <section className="held-timeline-section" aria-labelledby={`${ids}-timeline`}>
        <h3 id={`${ids}-timeline`}>{h.timelineHeading}</h3>
        {answered === undefined && loaded.state === 'loading' && <p>{h.timelineLoading}</p>}
        {answered === undefined && loaded.state === 'failed' && (
          <LoadProblem error={loaded.error} onRetry={retry} failed={h.timelineFailed} />
        )}
        {(answered !== undefined || loaded.state === 'ready') && (
          <SettlementTimeline order={order} headingId={`${ids}-timeline`} />
        )}
      </section>
      {order.fundStatus === 'HELD' && <HoldDecisionForm order={order} onDecided={decided} />}
    </DetailPanel>
  );
}
