import { useId, type Ref } from 'react';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { HeldFor } from './HeldFor';
import { labelOf, useHeldSettlementsMessages } from './messages';
import type { SettlementOrder } from './types';

interface HeldReviewListProps {
  reviews: SettlementOrder[];
  started: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** The order whose panel is open: its row is marked and its button controls the panel. */
  openOrderId: string | undefined;
  panelId: string;
  /** The scrolling table, where focus goes when the open order's row has left the list. */
  tableRef: Ref<HTMLDivElement>;
  onOpen: (review: SettlementOrder, button: HTMLButtonElement) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

/**
 * The held reviews as a plain table in the API's order (oldest hold first): the order, its store,
 * the money frozen, when it was delivered and reviewed, how long it has been held and why, and a
 * button that opens its panel. Later pages come with "Load more".
 */
export function HeldReviewList(props: HeldReviewListProps) {
  const { reviews, started, hasMore, loading, error, openOrderId, panelId, tableRef, onOpen } = props;
  const { h, locale } = useHeldSettlementsMessages();
  const c = useCommonMessages();
  const captionId = useId();
  const empty = started && reviews.length === 0 && !loading && error === undefined;

  return (
    <>
      {/* Wide on a narrow screen: it scrolls, so the keyboard must reach it. */}
      <div ref={tableRef} className="held-table" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table aria-busy={loading}>
          <caption id={captionId}>{h.tableCaption}</caption>
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
            {reviews.map((review) => {
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
                    <HeldFor since={review.reviewedAt} />
                  </td>
                  <td>
                    <ul className="held-reasons">
                      {review.holdReasons.map((reason) => (
                        <li key={reason} title={reason}>
                          {labelOf(h.holdReasonLabels, reason)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="held-nowrap">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={h.decideOn(review.orderId)}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? panelId : undefined}
                      onClick={(event) => onOpen(review, event.currentTarget)}
                    >
                      {h.decide}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {empty && <p className="held-note">{h.noHeld}</p>}
      {loading && <p className="held-note">{h.loading}</p>}
      {error !== undefined && (
        <div className="held-note">
          <LoadProblem error={error} onRetry={props.onRetry} failed={h.loadFailed} />
        </div>
      )}
      {hasMore && !loading && error === undefined && (
        <p className="held-note">
          <button type="button" onClick={props.onLoadMore}>
            {c.loadMore}
          </button>
        </p>
      )}
    </>
  );
}
