import { useId, useRef, useState } from 'react';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { REVIEW_KINDS } from './decisions';
import { ReviewTaskList } from './ReviewTaskList';
import { TaskPanel } from './TaskPanel';
import type { ReviewTask, ReviewTaskKind } from './types';
import { useReviewMessages } from './useReviewMessages';
import { useReviewQueue } from './useReviewQueue';
import './review.css';

/** The task whose panel is open and the button that opened it (focus goes back there). */
interface OpenTask {
  task: ReviewTask;
  opener: HTMLButtonElement;
}

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
  const [openTask, setOpenTask] = useState<OpenTask>();
  // The last decided task: the status line names it in whichever language is chosen later.
  const [decidedTaskId, setDecidedTaskId] = useState<string>();
  const table = useRef<HTMLDivElement>(null);
  const queue = useReviewQueue(operator ? kind : null);

  if (operator === false)
    return (
      <>
        <h1>{r.title}</h1>
        <p>{r.operatorsOnly}</p>
      </>
    );

  /** Back to the row's Open button, or to the table when that row has left the list. */
  const returnFocus = (opener: HTMLButtonElement | undefined) => {
    requestAnimationFrame(() => (opener?.isConnected ? opener : table.current)?.focus());
  };

  const open = (task: ReviewTask, opener: HTMLButtonElement) => {
    setDecidedTaskId(undefined);
    setOpenTask({ task, opener });
  };

  const close = () => {
    returnFocus(openTask?.opener);
    setOpenTask(undefined);
  };

  const decided = (task: ReviewTask) => {
    queue.remove(task.id);
    setOpenTask(undefined);
    setDecidedTaskId(task.id);
    returnFocus(undefined);
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
              setOpenTask(undefined);
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
        tasks={queue.tasks}
        hasMore={queue.hasMore}
        loading={queue.loading}
        error={queue.error}
        openTaskId={openTask?.task.id}
        panelId={panelId}
        tableRef={table}
        onOpen={open}
        onLoadMore={queue.loadMore}
        onRetry={queue.retry}
      />
      {openTask && <TaskPanel task={openTask.task} id={panelId} onClose={close} onDecided={decided} />}
    </>
  );
}
