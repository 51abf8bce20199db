import { Money, RuleViolation } from '@tradehub/kernel';
import { OrderEvents } from '../contract';
import { Order, PlaceOrderInput } from './order';
import { ORDER_STATUSES, ORDER_TRANSITIONS, canTransition } from './order-status';

const config = { shipWindowHours: 4, shipWarningHours: 1 };
const now = new Date('2026-11-26T10:00:00.000Z');

function input(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    marketplaceOrderId: 'MO-1',
    sellerId: 's',
    mainAccountId: 'a',
    storeId: 'store-a',
    buyerId: 'b',
    lines: [{ sku: 'X', title: 'x', quantity: 3, unitPrice: Money.of(1999n, 'USD') }],
    shippingFee: Money.of(500n, 'USD'),
    shippingAddress: { name: 'n', line1: 'l', city: 'c', country: 'ES' },
    paymentMethod: 'CARD',
    paymentCountry: 'ES',
    paidAt: now,
    presale: null,
    ...overrides,
  };
}

describe('Order aggregate', () => {
  it('ORD-1: a placed order waits for shipment, totals exactly in minor units, and raises OrderPlaced', () => {
    const order = Order.place(input(), now, config);
    expect(order.snapshot.status).toBe('WAIT_SELLER_SEND_GOODS');
    expect(order.snapshot.total.equals(Money.of(6497n, 'USD'))).toBe(true);
    const [event] = order.pullEvents();
    expect(event).toMatchObject({
      type: OrderEvents.OrderPlaced,
      aggregateId: order.id,
      context: 'orders',
      occurredAt: now,
    });
    expect(order.pullEvents()).toEqual([]);
  });

  it('ORD-1: lines in another currency than the order are refused', () => {
    expect(() =>
      Order.place(
        input({ lines: [{ sku: 'X', title: 'x', quantity: 1, unitPrice: Money.of(1n, 'EUR') }] }),
        now,
        config,
      ),
    ).toThrow(RuleViolation);
  });

  it('ORD-2: the warning is raised only while the order still awaits shipment', () => {
    const order = Order.place(input(), now, config);
    order.pullEvents();
    order.warnShipDeadline(new Date('2026-11-26T13:00:00.000Z'));
    expect(order.pullEvents().map((e) => e.type)).toEqual([
      OrderEvents.ShipDeadlineNear,
      OrderEvents.RiskFlagRaised,
    ]);
    order.transitionTo('WAIT_BUYER_ACCEPT_GOODS', now);
    order.pullEvents();
    order.warnShipDeadline(now);
    expect(order.pullEvents()).toEqual([]);
  });

  it('ORD-2: a missed deadline flags the order late once, owing one strike', () => {
    const order = Order.place(input(), now, config);
    const at = new Date('2026-11-26T14:00:00.000Z');
    expect(order.missShipDeadline(at)).toBe(true);
    expect(order.snapshot).toMatchObject({ lateShipment: true, lateFlaggedAt: at });
    expect(order.missShipDeadline(at)).toBe(false);
  });

  it('ORD-2: an order that shipped in time is never flagged late', () => {
    const order = Order.place(input(), now, config);
    order.transitionTo('WAIT_BUYER_ACCEPT_GOODS', now);
    expect(order.missShipDeadline(new Date('2026-11-26T14:00:00.000Z'))).toBe(false);
  });

  it('ORD-7: the status machine is the table: every listed move is allowed, every other refused', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        expect(canTransition(from, to)).toBe(ORDER_TRANSITIONS[from].includes(to));
      }
    }
    // DSP-4: a refund request after the release is the one way out of FINISH.
    expect(ORDER_TRANSITIONS.FINISH).toEqual(['IN_ISSUE']);
    const order = Order.place(input(), now, config);
    expect(() => order.transitionTo('FUND_PROCESSING', now)).toThrow(RuleViolation);
  });

  it('ORD-7: an issue enters IN_ISSUE from a shipped, delivered or finished order, and leaves to the status settlement dictates', () => {
    const into = ORDER_STATUSES.filter((from) => canTransition(from, 'IN_ISSUE'));
    expect(into).toEqual([
      'SELLER_PART_SEND_GOODS',
      'WAIT_BUYER_ACCEPT_GOODS',
      'FUND_PROCESSING',
      'WAIT_SELLER_EXAMINE_MONEY',
      'FINISH',
    ]);
    expect(ORDER_TRANSITIONS.IN_ISSUE).toEqual([
      'WAIT_BUYER_ACCEPT_GOODS',
      'FUND_PROCESSING',
      'WAIT_SELLER_EXAMINE_MONEY',
      'FINISH',
    ]);
    // DSP-3: the seller's inspection is reached from an open issue only, and ends like one.
    expect(ORDER_STATUSES.filter((from) => canTransition(from, 'WAIT_SELLER_EXAMINE_MONEY'))).toEqual([
      'IN_ISSUE',
    ]);
    expect(ORDER_TRANSITIONS.WAIT_SELLER_EXAMINE_MONEY).toEqual([
      'IN_ISSUE',
      'FUND_PROCESSING',
      'WAIT_BUYER_ACCEPT_GOODS',
      'FINISH',
    ]);
  });
});
