import { formatMoney } from '../format/money';
import type { Loaded } from '../common/useLoad';
import { Instant } from '../orders/Instant';
import { orderPath } from '../routing/paths';
import { Link } from '../routing/Link';
import { CALENDAR_ORDER_LIMIT, type FrozenOrders } from './loaders';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf, useMoneyMessages } from './messages';
import { MoneySection } from './MoneySection';
import { byRelease, releaseCalendar } from './release-calendar';
import type { FrozenOrder, PayoutCycle } from './types';
import { formatUtcClock, formatUtcDay } from './utc-day';

interface ReleaseCalendarSectionProps {
  frozen: Loaded<FrozenOrders>;
  payoutCycle: Loaded<PayoutCycle>;
  onRetry: () => void;
}

/** SET-2, SET-3, SET-7: what unfreezes on which UTC day, the frozen orders, the payout cycle. */
export function ReleaseCalendarSection({ frozen, payoutCycle, onRetry }: ReleaseCalendarSectionProps) {
  const { m } = useMoneyMessages();
  return (
    <MoneySection title={m.releaseCalendar}>
      <p className="hint money-intro">{m.calendarIntro}</p>
      {frozen.state === 'loading' && <p>{m.loading}</p>}
      {frozen.state === 'failed' && <LoadProblem error={frozen.error} onRetry={onRetry} />}
      {frozen.state === 'ready' && <Calendar frozen={frozen.data} />}
      <h3>{m.payoutCycle}</h3>
      {payoutCycle.state === 'loading' && <p>{m.loading}</p>}
      {payoutCycle.state === 'failed' && <LoadProblem error={payoutCycle.error} onRetry={onRetry} />}
      {payoutCycle.state === 'ready' && (
        <p>
          {payoutCycle.data.averageDays === null
            ? m.payoutCycleNone
            : m.payoutCycleText(payoutCycle.data.averageDays.toFixed(2), payoutCycle.data.releasedOrders)}
        </p>
      )}
    </MoneySection>
  );
}

function Calendar({ frozen }: { frozen: FrozenOrders }) {
  const { m, locale } = useMoneyMessages();
  const { days, held } = releaseCalendar(frozen.orders);
  const orders = byRelease(frozen.orders);
  if (orders.length === 0)
    return (
      <>
        <p>{m.nothingFrozen}</p>
        {frozen.truncated && <p className="hint">{m.calendarTruncated(CALENDAR_ORDER_LIMIT)}</p>}
      </>
    );
  return (
    <>
      <div className="money-table-wrap">
        <table className="money-table">
          <caption>{m.calendarCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colReleaseDay}</th>
              <th scope="col">{m.colCurrency}</th>
              <th scope="col" className="money-number">
                {m.colUnfreezing}
              </th>
              <th scope="col" className="money-number">
                {m.colOrders}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.day}-${d.currency}`}>
                <th scope="row">
                  <time dateTime={d.day}>{formatUtcDay(d.day, locale)}</time>{' '}
                  <span className="utc">{m.atUtc(formatUtcClock(d.releaseAt, locale))}</span>
                </th>
                <td>{d.currency}</td>
                <td className="money-number">
                  {formatMoney({ minor: d.amount, currency: d.currency }, locale)}
                </td>
                <td className="money-number">{d.orders}</td>
              </tr>
            ))}
            {held.map((h) => (
              <tr key={`held-${h.currency}`}>
                <th scope="row">{m.heldRow}</th>
                <td>{h.currency}</td>
                <td className="money-number">
                  {formatMoney({ minor: h.amount, currency: h.currency }, locale)}
                </td>
                <td className="money-number">{h.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {frozen.truncated && <p className="hint">{m.calendarTruncated(CALENDAR_ORDER_LIMIT)}</p>}
      <details className="money-details">
        <summary>{m.frozenOrders(orders.length)}</summary>
        <FrozenOrderTable orders={orders} />
      </details>
    </>
  );
}

function FrozenOrderTable({ orders }: { orders: FrozenOrder[] }) {
  const { m, locale } = useMoneyMessages();
  return (
    <div className="money-table-wrap">
      <table className="money-table">
        <caption>{m.frozenOrdersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colOrder}</th>
            <th scope="col">{m.colStore}</th>
            <th scope="col">{m.colFundStatus}</th>
            <th scope="col" className="money-number">
              {m.colFrozen}
            </th>
            <th scope="col">{m.colDelivered}</th>
            <th scope="col">{m.colReleasesAt}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.orderId}>
              <th scope="row">
                <Link href={orderPath(o.orderId)}>{m.orderLink(o.marketplaceOrderId)}</Link>
              </th>
              <td>{o.storeId}</td>
              <td>
                <span title={o.fundStatus}>{labelOf(m.fundStatuses, o.fundStatus)}</span>
                {o.holdReasons.length > 0 && (
                  <span className="secondary money-block">
                    {o.holdReasons.map((r) => labelOf(m.holdReasons, r)).join('; ')}
                  </span>
                )}
              </td>
              <td className="money-number">{formatMoney(o.frozen, locale)}</td>
              <td>{o.deliveredAt ? <Instant iso={o.deliveredAt} /> : m.none}</td>
              <td>
                {o.fundStatus !== 'HELD' && o.releaseAt ? (
                  <time dateTime={o.releaseAt} title={o.releaseAt}>
                    {formatUtcDay(o.releaseAt.slice(0, 10), locale)}{' '}
                    {m.atUtc(formatUtcClock(o.releaseAt, locale))}
                  </time>
                ) : (
                  m.none
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
