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
    expect(order.applyShipment('P1', [{ lineId: 'L1', quantity: 1 }], later).fullyShipped).toBe(false);
    expect(order.snapshot.status).toBe('SELLER_PART_SEND_GOODS');
    const rest = order.applyShipment('P2', null, later);
    expect(rest).toEqual({
      fullyShipped: true,
      lines: [
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
    order.applyShipment('P3', [{ lineId: 'L1', quantity: 1 }], later);
    order.applyShipment('P4', [{ lineId: 'L1', quantity: 1 }], later);
    expect(order.snapshot.status).toBe('SELLER_PART_SEND_GOODS');
    expect(order.applyShipment('P5', null, later).fullyShipped).toBe(true);
    expect(order.snapshot.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('FUL-2: shipping more than ordered, an unknown line, or a shipped order is refused', () => {
    const order = place();
    expect(() => order.applyShipment('P6', [{ lineId: 'L2', quantity: 2 }], later)).toThrow(
      expect.objectContaining({ code: 'LINE_OVER_SHIPPED', field: 'lines[0].quantity' }),
    );
    expect(() => order.applyShipment('P7', [{ lineId: 'L9', quantity: 1 }], later)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ORDER_LINE' }),
    );
    order.applyShipment('P8', null, later);
    expect(() => order.applyShipment('P9', null, later)).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_SHIPPABLE' }),
    );
  });

  it('ORD-2: shipping after the deadline is allowed and the late flag stays', () => {
    const order = place();
    order.missShipDeadline(new Date('2026-11-26T14:00:00.000Z'));
    order.applyShipment('P10', null, new Date('2026-11-26T15:00:00.000Z'));
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
    partly.applyShipment('PX', [{ lineId: 'L1', quantity: 1 }], later);
    expect(() =>
      partly.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later }),
    ).toThrow(RuleViolation);
    const cancelled = place();
    cancelled.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later });
    expect(() => cancelled.applyShipment('PY', null, later)).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_SHIPPABLE' }),
    );
  });

  it('FUL-7: delivery moves a shipped order to FUND_PROCESSING once', () => {
    const order = place();
    order.applyShipment('P11', null, later);
    expect(order.markDelivered(later, later)).toBe(true);
    expect(order.markDelivered(later, later)).toBe(false);
    expect(order.snapshot).toMatchObject({ status: 'FUND_PROCESSING', deliveredAt: later });
  });

  it('FUL-2: recording the same package twice answers the first result and ships nothing more', () => {
    const order = place();
    const first = order.applyShipment('P-same', [{ lineId: 'L1', quantity: 1 }], later);
    order.pullEvents();
    expect(order.applyShipment('P-same', [{ lineId: 'L1', quantity: 1 }], later)).toEqual(first);
    expect(order.lines.find((l) => l.lineId === 'L1')?.shippedQuantity).toBe(1);
    expect(order.pullEvents()).toEqual([]);
  });

  it('ORD-2: the ship-by timers are declared while the order waits, and released once it shipped or was cancelled', () => {
    const order = place();
    expect(order.deadlines()).toEqual([
      { kind: 'orders.ship-deadline-warning', dueAt: new Date('2026-11-26T13:00:00.000Z') },
      { kind: 'orders.ship-deadline', dueAt: new Date('2026-11-26T14:00:00.000Z') },
    ]);
    order.applyShipment('P-all', null, later);
    expect(order.deadlines().map((d) => d.dueAt)).toEqual([null, null]);
    const cancelled = place();
    cancelled.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later });
    expect(cancelled.deadlines().map((d) => d.dueAt)).toEqual([null, null]);
  });

  it('ORD-2: the warning is an open flag until the order ships; a missed deadline replaces it', () => {
    const warned = place();
    warned.warnShipDeadline(new Date('2026-11-26T13:00:00.000Z'));
    expect(warned.openFlags.map((f) => f.code)).toEqual(['SHIP_DEADLINE_NEAR']);
    warned.missShipDeadline(new Date('2026-11-26T14:00:00.000Z'));
    expect(warned.openFlags.map((f) => f.code)).toEqual(['SHIP_DEADLINE_MISSED']);
    warned.applyShipment('P-late', null, new Date('2026-11-26T15:00:00.000Z'));
    expect(warned.openFlags).toEqual([]);
    expect(
      warned
        .pullEvents()
        .filter((e) => e.type === OrderEvents.RiskFlagCleared)
        .map((e) => e.payload),
    ).toEqual([
      expect.objectContaining({ code: 'SHIP_DEADLINE_NEAR', reason: 'the ship-by deadline passed' }),
      expect.objectContaining({ code: 'SHIP_DEADLINE_MISSED', reason: 'the order shipped' }),
    ]);
  });

  it('ORD-2: the deadline instant itself is past: an order paid exactly 4 hours ago is overdue', () => {
    const order = place();
    expect(order.isOverdue(new Date('2026-11-26T13:59:59.999Z'))).toBe(false);
    expect(order.isOverdue(new Date('2026-11-26T14:00:00.000Z'))).toBe(true);
    order.applyShipment('P-ok', null, new Date('2026-11-26T14:00:00.000Z'));
    expect(order.isOverdue(new Date('2026-11-26T15:00:00.000Z'))).toBe(false);
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
