import { useId, type Ref } from 'react';
import { ApiError } from '../api/api-error';
import { Instant } from '../orders/Instant';
import { SlaClock } from './SlaClock';
import type { ReviewTask } from './types';
import { useReviewMessages } from './useReviewMessages';

interface ReviewTaskListProps {
  tasks: ReviewTask[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** The task whose panel is open, if any. */
  openTaskId: string | undefined;
  /** The panel's element id, for the open task's button (aria-controls). */
  panelId: string;
  /** The scrolling table, where focus goes when the open task's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (task: ReviewTask, button: HTMLButtonElement) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

/**
 * The open tasks as a plain table, oldest first (the API's order), each with its SLA clock and a
 * button that opens its panel. Later pages come with "Load more": an operator works from the top.
 */
export function ReviewTaskList(props: ReviewTaskListProps) {
  const { tasks, hasMore, loading, error, openTaskId, panelId, tableRef, onOpen, onLoadMore, onRetry } =
    props;
  const { r } = useReviewMessages();
  const captionId = useId();
  const empty = tasks.length === 0 && !loading && error === undefined;

  return (
    <>
      {/* Wide on a narrow screen: it scrolls, so the keyboard must reach it. */}
      <div ref={tableRef} className="review-table" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table aria-busy={loading}>
          <caption id={captionId}>{r.tasksTable}</caption>
          <thead>
            <tr>
              <th scope="col">{r.colKind}</th>
              <th scope="col">{r.colOrder}</th>
              <th scope="col">{r.colStore}</th>
              <th scope="col">{r.colOpenedAt}</th>
              <th scope="col">{r.colSla}</th>
              <th scope="col">{r.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const isOpen = task.id === openTaskId;
              return (
                <tr key={task.id} className={isOpen ? 'selected' : undefined} data-task-id={task.id}>
                  <td>
                    {r.kind[task.kind] ?? task.kind}
                    <span className="secondary">{r.kindRule[task.kind]}</span>
                  </td>
                  <td className="cell-ids">
                    <span>
                      <span className="secondary">{r.orderLabel} </span>
                      <span className="order-id">{task.orderId}</span>
                    </span>
                    <span>
                      <span className="secondary">{r.packageLabel} </span>
                      <span className="order-id">{task.packageId}</span>
                    </span>
                  </td>
                  <td>{task.storeId}</td>
                  <td>
                    <Instant iso={task.openedAt} />
                  </td>
                  <td>
                    <SlaClock dueAt={task.slaDueAt} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={r.openTask(task.id)}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? panelId : undefined}
                      onClick={(event) => onOpen(task, event.currentTarget)}
                    >
                      {r.open}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {empty && <p className="review-list-note">{r.noTasks}</p>}
      {loading && <p className="review-list-note">{r.loading}</p>}
      {error !== undefined && (
        <p role="alert" className="error review-list-note">
          {r.loadFailed}
          {error instanceof ApiError ? `: ${error.detail}` : ''}{' '}
          <button type="button" className="button-small" onClick={onRetry}>
            {r.retry}
          </button>
        </p>
      )}
      {hasMore && !loading && error === undefined && (
        <p className="review-list-note">
          <button type="button" onClick={onLoadMore}>
            {r.loadMore}
          </button>
        </p>
      )}
    </>
  );
}
