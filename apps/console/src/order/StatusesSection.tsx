import { labelOf } from '../common/messages';
import { Instant } from '../orders/Instant';
import { Fact, Facts } from './Facts';
import { useOrderMessages } from './messages';
import { Section } from '../common/Section';
import { StatusLabel } from './StatusLabel';
import type { OrderDetail } from './types';

/** ORD-7: the order status and every status that runs beside it (funds, issues, logistics, risk). */
export function StatusesSection({ order }: { order: OrderDetail }) {
  const m = useOrderMessages();
  const { deadlines, cancellation } = order;
  return (
    <Section title={m.sections.statuses} className="order-section">
      <Facts>
        <Fact term={m.orderStatus}>
          <StatusLabel status={order.status} />
        </Fact>
        <Fact term={m.fundStatus}>
          <span title={order.fundStatus}>{labelOf(m.fundStatuses, order.fundStatus)}</span>
        </Fact>
        <Fact term={m.issueStatus}>
          <span title={order.issueStatus}>{labelOf(m.issueStatuses, order.issueStatus)}</span>
        </Fact>
        <Fact term={m.abnormalLogistics}>{order.inAbnormalPool ? m.inAbnormalPool : m.no}</Fact>
        <Fact term={m.logisticsReview}>{order.underReview ? m.reviewOpen : m.none}</Fact>
        <Fact term={m.shipByOverdue}>{deadlines.overdue ? m.yes : m.no}</Fact>
        <Fact term={m.lateShipment}>
          {deadlines.lateShipment ? m.yes : m.no}
          {deadlines.lateFlaggedAt && (
            <span className="order-note">
              <Instant iso={deadlines.lateFlaggedAt} />
            </span>
          )}
        </Fact>
        <Fact term={m.delivered}>{order.deliveredAt ? <Instant iso={order.deliveredAt} /> : m.notYet}</Fact>
        {cancellation && (
          <Fact term={m.cancellation}>
            {m.cancelledBy(cancellation.initiator, cancellation.reason)}
            {cancellation.note && <span className="order-note">{cancellation.note}</span>}
            <span className="order-note">
              <Instant iso={cancellation.at} />
            </span>
          </Fact>
        )}
        <Fact term={m.openFlags}>
          {order.openFlags.length === 0 ? (
            m.none
          ) : (
            <ul className="order-plain-list">
              {order.openFlags.map((flag) => (
                <li key={`${flag.code}-${flag.raisedAt}`}>
                  <span className="order-code">{flag.code}</span>
                  {` (${labelOf(m.severities, flag.severity)}): ${flag.reason} `}
                  <Instant iso={flag.raisedAt} />
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </Facts>
    </Section>
  );
}
