import type { Ref } from 'react';
import { ListFooter } from '../common/ListFooter';
import { PanelButton } from '../common/PanelButton';
import { ScrollTable } from '../common/ScrollTable';
import type { Pages } from '../common/useCursorPages';
import { Instant } from '../orders/Instant';
import { SlaClock } from './SlaClock';
import type { ReviewTask } from './types';
import { useReviewMessages } from './useReviewMessages';

interface ReviewTaskListProps {
  list: Pages<ReviewTask>;
  /** The task whose panel is open, if any. */
  openTaskId: string | undefined;
  /** The panel's element id, for the open task's button (aria-controls). */
  panelId: string;
  /** The scrolling table, where focus goes when the open task's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (task: ReviewTask, button: HTMLButtonElement) => void;
}

/**
 * The open tasks as a plain table, oldest first (the API's order), each with its SLA clock and a
 * button that opens its panel. Later pages come with "Load more": an operator works from the top.
 */
export function ReviewTaskList(props: ReviewTaskListProps) {
  const { list, openTaskId, panelId, tableRef, onOpen } = props;
  const { r } = useReviewMessages();

  return (
    <>
      <ScrollTable className="review-table" caption={r.tasksTable} busy={list.loading} tableRef={tableRef}>
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
          {list.items.map((task) => {
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
                  <PanelButton
                    text={r.open}
                    label={r.openTask(task.id)}
                    open={isOpen}
                    panelId={panelId}
                    onClick={(button) => onOpen(task, button)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <ListFooter list={list} className="review-list-note" empty={r.noTasks} failed={r.loadFailed} />
    </>
  );
}
