import type { Ref } from 'react';
import { ListFooter } from '../common/ListFooter';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { PanelButton } from '../common/PanelButton';
import { ScrollTable } from '../common/ScrollTable';
import type { Pages } from '../common/useCursorPages';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { HeldFor } from './HeldFor';
import { useHeldSettlementsMessages } from './messages';
import type { SettlementOrder } from './types';

interface HeldReviewListProps {
  list: Pages<SettlementOrder>;
  /** The order whose panel is open: its row is marked and its button controls the panel. */
  openOrderId: string | undefined;
  panelId: string;
  /** The scrolling table, where focus goes when the open order's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (review: SettlementOrder, button: HTMLButtonElement) => void;
}

/**
 * The held reviews as a plain table in the API's order (oldest hold first): the order, its store,
 * the money frozen, when it was delivered and reviewed, how long it has been held and why, and a
 * button that opens its panel. Later pages come with "Load more".
 */
export function HeldReviewList(props: HeldReviewListProps) {
  const { list, openOrderId, panelId, tableRef, onOpen } = props;
  const { h, locale } = useHeldSettlementsMessages();
  const labels = useCodeLabels();

  return (
    <>
      <ScrollTable className="held-table" caption={h.tableCaption} busy={list.loading} tableRef={tableRef}>
        <thead>
          <tr>
            <th scope="col">{h.colOrder}</th>
            <th scope="col">{h.colStore}</th>
            <th scope="col" className="held-number">
              {h.colAmount}
            </th>
            <th scope="col">{h.colDelivered}</th>
            <th scope="col">{h.colReviewStarted}</th>
            <th scope="col">{h.colHeldFor}</th>
            <th scope="col">{h.colReasons}</th>
            <th scope="col">{h.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((review) => {
            const isOpen = review.orderId === openOrderId;
            return (
              <tr key={review.orderId} className={isOpen ? 'selected' : undefined}>
                <td>
                  <Link href={orderPath(review.orderId)} className="order-id">
                    {review.orderId}
                  </Link>
                </td>
                <td className="held-nowrap">{review.storeId}</td>
                <td className="held-number">
                  <span className="held-money">{formatMoney(review.frozen, locale)}</span>
                  <span className="secondary">{h.orderTotal(formatMoney(review.total, locale))}</span>
                </td>
                <td>{review.deliveredAt ? <Instant iso={review.deliveredAt} /> : '—'}</td>
                <td>{review.reviewedAt ? <Instant iso={review.reviewedAt} /> : '—'}</td>
                <td>
                  <HeldFor since={review.heldAt ?? review.reviewedAt} />
                </td>
                <td>
                  <ul className="held-reasons">
                    {review.holdReasons.map((reason) => (
                      <li key={reason} title={reason}>
                        {labelOf(labels.holdReasons, reason)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="held-nowrap">
                  <PanelButton
                    text={h.decide}
                    label={h.decideOn(review.orderId)}
                    open={isOpen}
                    panelId={panelId}
                    onClick={(button) => onOpen(review, button)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <ListFooter list={list} className="held-note" empty={h.noHeld} failed={h.loadFailed} />
    </>
  );
}
