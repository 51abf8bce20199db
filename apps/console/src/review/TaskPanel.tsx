import { useId } from 'react';
import { DetailPanel } from '../common/DetailPanel';
import { shortId } from '../common/messages';
import { Instant } from '../orders/Instant';
import { DecisionForm } from './DecisionForm';
import { ProofViewer } from './ProofViewer';
import { SlaClock } from './SlaClock';
import { TrackingHistory } from './TrackingHistory';
import type { ReviewTask } from './types';
import { useReviewMessages } from './useReviewMessages';

interface TaskPanelProps {
  task: ReviewTask;
  id: string;
  onClose: () => void;
  onDecided: (task: ReviewTask) => void;
}

/**
 * One task to decide: its facts, the proof PDF beside the package's tracking history, and the
 * decision form. Its heading takes the focus when it opens, so keyboard and screen-reader users
 * land on it; Escape inside the panel closes it.
 */
export function TaskPanel({ task, id, onClose, onDecided }: TaskPanelProps) {
  const { r } = useReviewMessages();
  const ids = useId();

  return (
    <DetailPanel
      id={id}
      className="task-panel"
      headClassName="task-panel-head"
      heading={r.taskHeading(shortId(task.id))}
      closeLabel={r.closeTask}
      onClose={onClose}
      itemKey={task.id}
    >
      <dl className="task-facts" aria-label={r.taskFacts}>
        <div>
          <dt>{r.colKind}</dt>
          <dd>
            {r.kind[task.kind] ?? task.kind} ({r.kindRule[task.kind]})
          </dd>
        </div>
        <div>
          <dt>{r.taskId}</dt>
          <dd className="order-id">{task.id}</dd>
        </div>
        <div>
          <dt>{r.orderLabel}</dt>
          <dd className="order-id">{task.orderId}</dd>
        </div>
        <div>
          <dt>{r.packageLabel}</dt>
          <dd className="order-id">{task.packageId}</dd>
        </div>
        <div>
          <dt>{r.colStore}</dt>
          <dd>{task.storeId}</dd>
        </div>
        <div>
          <dt>{r.carrier}</dt>
          <dd>{task.carrierCode}</dd>
        </div>
        <div>
          <dt>{r.trackingNumber}</dt>
          <dd className="order-id">{task.trackingNumber}</dd>
        </div>
        <div>
          <dt>{r.colOpenedAt}</dt>
          <dd>
            <Instant iso={task.openedAt} />
            {task.openedBy && (
              <span className="secondary">
                {' '}
                {r.openedBy} {task.openedBy}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{r.colSla}</dt>
          <dd>
            <SlaClock dueAt={task.slaDueAt} />
          </dd>
        </div>
      </dl>
      <div className="task-evidence">
        {task.proof ? (
          <ProofViewer task={task} headingId={`${ids}-proof`} />
        ) : (
          task.kind === 'LOGISTICS_PROOF' && <p>{r.noProof}</p>
        )}
        <TrackingHistory packageId={task.packageId} headingId={`${ids}-history`} />
      </div>
      <DecisionForm key={task.id} task={task} onDecided={onDecided} />
    </DetailPanel>
  );
}
