import { useId, useRef, useState } from 'react';
import { NotYourPage } from '../common/NotYourPage';
import { useOpenPanel } from '../common/useOpenPanel';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { REVIEW_KINDS } from './decisions';
import { ReviewTaskList } from './ReviewTaskList';
import { TaskPanel } from './TaskPanel';
import type { ReviewTask, ReviewTaskKind } from './types';
import { useReviewMessages } from './useReviewMessages';
import { useReviewQueue } from './useReviewQueue';
import './review.css';

/**
 * The operations review queue (FUL-4..FUL-6): open logistics proofs and abnormal-logistics cases,
 * oldest first with their SLA clocks; a task opens in a panel with its proof and tracking history,
 * where the operator records a decision and its reason. Seller staff are told it is not theirs.
 */
export function ReviewQueuePage() {
  const { r } = useReviewMessages();
  useDocumentTitle(r.title);
  const operator = useIsPlatformOperator();
  const panelId = useId();
  const [kind, setKind] = useState<ReviewTaskKind | ''>('');
  // The last decided task: the status line names it in whichever language is chosen later.
  const [decidedTaskId, setDecidedTaskId] = useState<string>();
  const table = useRef<HTMLDivElement>(null);
  const panel = useOpenPanel<ReviewTask>(table);
  const queue = useReviewQueue(operator ? kind : null);

  if (operator === false) return <NotYourPage title={r.title} who={r.operatorsOnly} />;

  const open = (task: ReviewTask, opener: HTMLButtonElement) => {
    setDecidedTaskId(undefined);
    panel.show(task, opener);
  };

  const decided = (task: ReviewTask) => {
    queue.remove(task.id);
    panel.closeToList();
    setDecidedTaskId(task.id);
  };

  return (
    <>
      <h1>{r.title}</h1>
      <p className="hint review-intro">{r.intro}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="review-kind">{r.filterKind}</label>
          <select
            id="review-kind"
            value={kind}
            onChange={(event) => {
              setDecidedTaskId(undefined);
              panel.drop();
              setKind(event.target.value as ReviewTaskKind | '');
            }}
          >
            <option value="">{r.allKinds}</option>
            {REVIEW_KINDS.map((k) => (
              <option key={k} value={k}>
                {r.kind[k]} ({r.kindRule[k]})
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="announcement">
        {decidedTaskId ? r.decided(decidedTaskId) : ''}
      </p>
      <ReviewTaskList
        list={queue}
        openTaskId={panel.item?.id}
        panelId={panelId}
        tableRef={table}
        onOpen={open}
      />
      {panel.item && <TaskPanel task={panel.item} id={panelId} onClose={panel.close} onDecided={decided} />}
    </>
  );
}
