import { memo } from 'react';
import type { Order } from '../api/types';
import { formatMoney } from '../format/money';
import { useI18n } from '../i18n/useI18n';
import { useOrderMessages } from '../order/messages';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { Instant } from './Instant';
import { ShipCountdown } from './ShipCountdown';
import { isAwaiting } from './tabs';

interface OrderRowProps {
  order: Order;
  /** 1-based position among all rows, the header being row 1. */
  rowIndex: number;
  /** Pixels from the top of the row group. */
  top: number;
  onShip: (order: Order, button: HTMLButtonElement) => void;
  /** Given on a list that ships a selection: the row starts with its checkbox. */
  onToggle?: (order: Order) => void;
  selected?: boolean;
}

/** One order in the grid; memoised, so scrolling renders only the rows that come into view. */
export const OrderRow = memo(function OrderRow(props: OrderRowProps) {
  const { order, rowIndex, top, onShip, onToggle, selected = false } = props;
  const { t, locale } = useI18n();
  const m = useOrderMessages();
  const shownId = order.marketplaceOrderId || order.id;
  const awaiting = isAwaiting(order.status);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={onToggle ? 'grid-row selectable' : 'grid-row'}
      style={{ transform: `translateY(${top}px)` }}
    >
      {onToggle && (
        <div role="cell" className="cell-select">
          <input
            type="checkbox"
            checked={selected}
            aria-label={t.selectOrder(shownId)}
            onChange={() => onToggle(order)}
          />
        </div>
      )}
      <div role="cell" className="cell-order">
        {/* Named "Order <marketplace id>": the visible text is part of that name (WCAG 2.5.3). */}
        <Link href={orderPath(order.id)} aria-label={`${m.orderLinkPrefix} ${shownId}`}>
          {shownId}
        </Link>
        <span className="order-id">{order.id}</span>
      </div>
      <div role="cell">{order.storeId}</div>
      <div role="cell">
        <span title={order.status}>{t.status[order.status] ?? order.status}</span>
      </div>
      <div role="cell">
        <Instant iso={order.paidAt} />
      </div>
      <div role="cell" className="cell-ship-by">
        <Instant iso={order.deadlines.shipBy} utc />
        {awaiting && <ShipCountdown deadline={order.deadlines.shipBy} />}
      </div>
      <div role="cell" className="cell-money">
        {formatMoney(order.total, locale)}
      </div>
      <div role="cell">
        {awaiting && (
          <button
            type="button"
            className="button-small"
            aria-label={t.shipOrder(order.id)}
            data-ship-order={order.id}
            onClick={(event) => onShip(order, event.currentTarget)}
          >
            {t.ship}
          </button>
        )}
      </div>
    </div>
  );
});
