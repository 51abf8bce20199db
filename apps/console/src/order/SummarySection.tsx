import { formatMoney } from '../format/money';
import { useI18n } from '../i18n/useI18n';
import { Instant } from '../orders/Instant';
import { Fact, Facts } from './Facts';
import { useOrderMessages } from './messages';
import { Section } from '../common/Section';
import { StatusLabel } from './StatusLabel';
import type { OrderDetail } from './types';

/** Who bought what, when, for how much, and where the order stands (ORD-7). */
export function SummarySection({ order }: { order: OrderDetail }) {
  const m = useOrderMessages();
  const { locale } = useI18n();
  return (
    <Section title={m.sections.summary} className="order-section">
      <Facts>
        <Fact term={m.store}>{order.storeId}</Fact>
        <Fact term={m.buyer}>{order.buyerId}</Fact>
        <Fact term={m.paidAt}>
          <Instant iso={order.paidAt} />
        </Fact>
        <Fact term={m.total}>
          <span className="order-money">{formatMoney(order.total, locale)}</span>
        </Fact>
        <Fact term={m.shippingFee}>
          <span className="order-money">{formatMoney(order.shippingFee, locale)}</span>
        </Fact>
        <Fact term={m.status}>
          <StatusLabel status={order.status} />
        </Fact>
        <Fact term={m.paymentMethod}>{order.paymentMethod}</Fact>
        <Fact term={m.shippingCountry}>{order.shippingCountry}</Fact>
        <Fact term={m.presale}>{order.presale ? m.yes : m.no}</Fact>
      </Facts>
      <table className="order-table">
        <caption>{m.items}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colItem}</th>
            <th scope="col">{m.colSku}</th>
            <th scope="col" className="order-number">
              {m.colQuantity}
            </th>
            <th scope="col" className="order-number">
              {m.colShipped}
            </th>
            <th scope="col" className="order-number">
              {m.colUnitPrice}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.lineId}>
              <th scope="row">{line.title}</th>
              <td>{line.sku}</td>
              <td className="order-number">{line.quantity}</td>
              <td className="order-number">{line.shippedQuantity}</td>
              <td className="order-number">{formatMoney(line.unitPrice, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
