import { formatMoney } from '../format/money';
import type { Loaded } from '../common/useLoad';
import { Instant } from '../orders/Instant';
import { orderPath } from '../routing/paths';
import { Link } from '../routing/Link';
import { CALENDAR_ORDER_LIMIT, type FrozenOrders as FrozenOrderPage } from './loaders';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf } from '../common/messages';
import { useMoneyMessages } from './messages';
import { Section } from '../common/Section';
import { byRelease } from './release-calendar';
import type { FrozenOrder, PayoutCycle, ReleaseSchedule } from './types';
import { formatUtcClock, formatUtcDay } from './utc-day';

interface ReleaseCalendarSectionProps {
  schedule: Loaded<ReleaseSchedule>;
  frozen: Loaded<FrozenOrderPage>;
  payoutCycle: Loaded<PayoutCycle>;
  onRetry: () => void;
}

/** SET-2, SET-3, SET-7: what unfreezes on which UTC day, the frozen orders, the payout cycle. */
export function ReleaseCalendarSection({
  schedule,
  frozen,
  payoutCycle,
  onRetry,
}: ReleaseCalendarSectionProps) {
  const { m } = useMoneyMessages();
  return (
    <Section title={m.releaseCalendar} className="money-section">
      <p className="hint money-intro">{m.calendarIntro}</p>
      {schedule.state === 'loading' && <p>{m.loading}</p>}
      {schedule.state === 'failed' && <LoadProblem error={schedule.error} onRetry={onRetry} />}
      {schedule.state === 'ready' && <Calendar schedule={schedule.data} />}
      {frozen.state === 'failed' && <LoadProblem error={frozen.error} onRetry={onRetry} />}
      {frozen.state === 'ready' && <FrozenOrders frozen={frozen.data} />}
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
    </Section>
  );
}

function Calendar({ schedule }: { schedule: ReleaseSchedule }) {
  const { m, locale } = useMoneyMessages();
  const { days, held } = schedule;
  if (days.length === 0 && held.length === 0) return <p>{m.nothingFrozen}</p>;
  return (
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
            <tr key={`${d.day}-${d.amount.currency}`}>
              <th scope="row">
                <time dateTime={d.day}>{formatUtcDay(d.day, locale)}</time>{' '}
                <span className="utc">{m.atUtc(formatUtcClock(d.releaseAt, locale))}</span>
              </th>
              <td>{d.amount.currency}</td>
              <td className="money-number">{formatMoney(d.amount, locale)}</td>
              <td className="money-number">{d.orders}</td>
            </tr>
          ))}
          {held.map((h) => (
            <tr key={`held-${h.amount.currency}`}>
              <th scope="row">{m.heldRow}</th>
              <td>{h.amount.currency}</td>
              <td className="money-number">{formatMoney(h.amount, locale)}</td>
              <td className="money-number">{h.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The frozen orders themselves, most recently paid first page, in release order (held last). */
function FrozenOrders({ frozen }: { frozen: FrozenOrderPage }) {
  const { m } = useMoneyMessages();
  const orders = byRelease(frozen.orders);
  if (orders.length === 0) return null;
  return (
    <>
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
