import { Money, RuleViolation } from '@tradehub/kernel';
import { OrderEvents } from '../contract';
import { Order, PlaceOrderInput } from './order';

const config = { shipWindowHours: 4, shipWarningHours: 1 };
const now = new Date('2026-11-26T10:00:00.000Z');
const later = new Date('2026-11-26T11:00:00.000Z');

function place(): Order {
  const input: PlaceOrderInput = {
    marketplaceOrderId: 'MO-1',
    sellerId: 's',
    mainAccountId: 'a',
    storeId: 'store-a',
    buyerId: 'b',
    lines: [
      { lineId: 'L1', sku: 'X', title: 'x', quantity: 2, unitPrice: Money.of(1000n, 'USD') },
      { lineId: 'L2', sku: 'Y', title: 'y', quantity: 1, unitPrice: Money.of(500n, 'USD') },
    ],
    shippingFee: Money.of(0n, 'USD'),
    shippingAddress: { name: 'n', line1: 'l', city: 'c', country: 'ES' },
    paymentMethod: 'CARD',
    paymentCountry: 'ES',
    paidAt: now,
    presale: null,
  };
  const order = Order.place(input, now, config);
  order.pullEvents();
  return order;
}

describe('order shipment and cancellation', () => {
  it('FUL-2: a partial shipment moves the order to SELLER_PART_SEND_GOODS, the last package to WAIT_BUYER_ACCEPT_GOODS', () => {
    const order = place();
    expect(order.recordShipment([{ lineId: 'L1', quantity: 1 }], later).fullyShipped).toBe(false);
    expect(order.snapshot.status).toBe('SELLER_PART_SEND_GOODS');
    const rest = order.recordShipment(null, later);
    expect(rest).toEqual({
      fullyShipped: true,
      covered: [
        { lineId: 'L1', quantity: 1 },
        { lineId: 'L2', quantity: 1 },
      ],
    });
    expect(order.snapshot.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
    expect(
      order
        .pullEvents()
        .filter((e) => e.type === OrderEvents.OrderStatusChanged)
        .map((e) => (e.payload as { to: string }).to),
    ).toEqual(['SELLER_PART_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS']);
  });

  it('FUL-2: an order may ship in three or more packages; it stays partly shipped until the last', () => {
    const order = place();
    order.recordShipment([{ lineId: 'L1', quantity: 1 }], later);
    order.recordShipment([{ lineId: 'L1', quantity: 1 }], later);
    expect(order.snapshot.status).toBe('SELLER_PART_SEND_GOODS');
    expect(order.recordShipment(null, later).fullyShipped).toBe(true);
    expect(order.snapshot.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('FUL-2: shipping more than ordered, an unknown line, or a shipped order is refused', () => {
    const order = place();
    expect(() => order.recordShipment([{ lineId: 'L2', quantity: 2 }], later)).toThrow(
      expect.objectContaining({ code: 'LINE_OVER_SHIPPED', field: 'lines[0].quantity' }),
    );
    expect(() => order.recordShipment([{ lineId: 'L9', quantity: 1 }], later)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ORDER_LINE' }),
    );
    order.recordShipment(null, later);
    expect(() => order.recordShipment(null, later)).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_SHIPPABLE' }),
    );
  });

  it('ORD-2: shipping after the deadline is allowed and the late flag stays', () => {
    const order = place();
    order.missShipDeadline(new Date('2026-11-26T14:00:00.000Z'));
    order.recordShipment(null, new Date('2026-11-26T15:00:00.000Z'));
    expect(order.snapshot).toMatchObject({ status: 'WAIT_BUYER_ACCEPT_GOODS', lateShipment: true });
  });

  it('ORD-5: a seller cancels before shipment with a reason; the cancellation counts as seller-initiated', () => {
    const order = place();
    order.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later });
    expect(order.snapshot).toMatchObject({
      status: 'FINISH',
      cancellation: { initiator: 'SELLER', reason: 'OUT_OF_STOCK', at: later },
    });
    const cancelled = order.pullEvents().find((e) => e.type === OrderEvents.OrderCancelled);
    expect(cancelled?.payload).toMatchObject({ sellerInitiated: true, reason: 'OUT_OF_STOCK' });
  });

  it('ORD-5: a buyer cancellation does not count against the seller', () => {
    const order = place();
    order.cancel({ initiator: 'BUYER', reason: 'BUYER_CHANGED_MIND', note: null, at: later });
    expect(order.pullEvents().find((e) => e.type === OrderEvents.OrderCancelled)?.payload).toMatchObject({
      sellerInitiated: false,
    });
  });

  it('ORD-5: an order with a shipped package can no longer be cancelled, and a cancelled order cannot ship', () => {
    const partly = place();
    partly.recordShipment([{ lineId: 'L1', quantity: 1 }], later);
    expect(() =>
      partly.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later }),
    ).toThrow(RuleViolation);
    const cancelled = place();
    cancelled.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later });
    expect(() => cancelled.recordShipment(null, later)).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_SHIPPABLE' }),
    );
  });

  it('FUL-7: delivery moves a shipped order to FUND_PROCESSING once', () => {
    const order = place();
    order.recordShipment(null, later);
    order.markDelivered(later);
    order.markDelivered(later);
    expect(order.snapshot).toMatchObject({ status: 'FUND_PROCESSING', deliveredAt: later });
  });

  it('ORD-2: no warning once the deadline has passed (an order ingested late)', () => {
    const order = place();
    order.warnShipDeadline(new Date('2026-11-26T14:00:00.000Z'));
    expect(order.pullEvents()).toEqual([]);
  });

  it('FUL-4, FUL-5: the order is under review while any task is open, in the pool while any abnormal case is', () => {
    const order = place();
    order.countReviewTask(true, 1, later);
    order.countReviewTask(false, 1, later);
    order.countReviewTask(false, -1, later);
    expect(order.snapshot).toMatchObject({ underReview: true, inAbnormalPool: true });
    order.countReviewTask(true, -1, later);
    expect(order.snapshot).toMatchObject({ underReview: false, inAbnormalPool: false, openReviewTasks: 0 });
  });
});
