import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { ApiError } from '../api/api-error';
import type { Order } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { OrderRow } from './OrderRow';

/** Every row has this height (CSS keeps to it), so no row needs measuring. */
const ROW_HEIGHT = 76;
/** Ask for the next page while this many loaded rows are still below the view. */
const LOOKAHEAD_ROWS = 40;

interface OrderGridProps {
  items: Order[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** How many orders the tab has in all, when the counts say (for aria-rowcount). */
  total: number | undefined;
  /** Changes when the list starts over (another tab or filter): scroll back to the top. */
  resetKey: string;
  scrollRef: Ref<HTMLDivElement>;
  onLoadMore: () => void;
  onRetry: () => void;
  onShip: (order: Order, button: HTMLButtonElement) => void;
  /** Given on a list that ships a selection: a checkbox column comes first. */
  selection?: GridSelection;
}

/** What the grid needs of the selection: which ids are chosen, and how to change that. */
export interface GridSelection {
  selectedIds: { has: (orderId: string) => boolean };
  onToggle: (order: Order) => void;
  onToggleAll: (orders: readonly Order[]) => void;
}

/**
 * The orders as an ARIA table, virtualised: only the rows in view (and a few around) are in the
 * DOM, whatever the number loaded, and the next server page is fetched on approaching the end.
 * The header row sits inside the scrolling element (sticky), so the rows start below it.
 */
export function OrderGrid(props: OrderGridProps) {
  const { items, hasMore, loading, error, total, resetKey, onLoadMore, onRetry, onShip, selection } = props;
  const columns = selection ? 8 : 7;
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const [bodyTop, setBodyTop] = useState(0);

  // Where the rows begin inside the scrolling element: below the header, whatever its height.
  useLayoutEffect(() => {
    setBodyTop(body.current?.offsetTop ?? 0);
  }, [t]);

  const statusRow = loading || error !== undefined || (hasMore && items.length > 0);
  const virtualizer = useVirtualizer({
    count: items.length + (statusRow ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: bodyTop,
    getItemKey: (index) => items[index]?.id ?? 'status',
    useFlushSync: false,
  });

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const rows = virtualizer.getVirtualItems();
  const lastInView = rows.length ? rows[rows.length - 1].index : -1;
  useEffect(() => {
    if (
      hasMore &&
      !loading &&
      error === undefined &&
      items.length > 0 &&
      lastInView >= items.length - LOOKAHEAD_ROWS
    )
      onLoadMore();
  }, [lastInView, items.length, hasMore, loading, error, onLoadMore]);

  const setScroller = (element: HTMLDivElement | null) => {
    scroller.current = element;
    const ref = props.scrollRef;
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };

  const empty = items.length === 0 && !loading && error === undefined;
  return (
    <div
      ref={setScroller}
      role="table"
      aria-label={t.ordersTable}
      aria-rowcount={total !== undefined ? total + 1 : -1}
      aria-busy={loading}
      className="grid"
      // Scrollable, so it must be reachable by keyboard even when no row holds a button.
      tabIndex={0}
    >
      <div role="rowgroup" className="grid-head">
        <div
          role="row"
          aria-rowindex={1}
          className={selection ? 'grid-row header selectable' : 'grid-row header'}
        >
          {selection && (
            <div role="columnheader" className="cell-select">
              <SelectAllCheckbox items={items} selection={selection} />
            </div>
          )}
          <div role="columnheader">{t.colOrder}</div>
          <div role="columnheader">{t.colStore}</div>
          <div role="columnheader">{t.colStatus}</div>
          <div role="columnheader">{t.colPaidAt}</div>
          <div role="columnheader">{t.colShipBy}</div>
          <div role="columnheader" className="cell-money">
            {t.colTotal}
          </div>
          <div role="columnheader">{t.colAction}</div>
        </div>
      </div>
      <div
        role="rowgroup"
        ref={body}
        className="grid-body"
        style={{ height: empty ? undefined : virtualizer.getTotalSize() }}
      >
        {empty && (
          <div role="row" className="grid-row message static">
            <div role="cell" aria-colspan={columns}>
              {t.noOrders}
            </div>
          </div>
        )}
        {rows.map((row) => {
          const order = items[row.index];
          const top = row.start - bodyTop;
          if (order)
            return (
              <OrderRow
                key={row.key}
                order={order}
                rowIndex={row.index + 2}
                top={top}
                onShip={onShip}
                onToggle={selection?.onToggle}
                selected={selection?.selectedIds.has(order.id)}
              />
            );
          return (
            <div
              key={row.key}
              role="row"
              className="grid-row message"
              style={{ transform: `translateY(${top}px)` }}
            >
              <div role="cell" aria-colspan={columns}>
                {error !== undefined ? (
                  <span role="alert" className="error">
                    {t.loadFailed}
                    {error instanceof ApiError ? `: ${error.detail}` : ''}{' '}
                    <button type="button" className="button-small" onClick={onRetry}>
                      {t.retry}
                    </button>
                  </span>
                ) : (
                  t.loading
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Checked when every loaded order is selected, mixed when only some are. */
function SelectAllCheckbox({ items, selection }: { items: Order[]; selection: GridSelection }) {
  const { t } = useI18n();
  const chosen = items.reduce((n, order) => n + (selection.selectedIds.has(order.id) ? 1 : 0), 0);
  const all = items.length > 0 && chosen === items.length;
  const some = chosen > 0 && !all;
  return (
    <input
      type="checkbox"
      ref={(element) => {
        if (element) element.indeterminate = some;
      }}
      checked={all}
      disabled={items.length === 0}
      aria-label={t.selectAllLoaded}
      onChange={() => selection.onToggleAll(items)}
    />
  );
}
