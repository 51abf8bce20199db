import { Money, RuleViolation } from '@tradehub/kernel';
import { OrderEvents } from '../contract';
import { Order, PlaceOrderInput } from './order';
import { IllegalOrderTransition } from './order.errors';

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

describe('order issue status (refund requests and disputes)', () => {
  const at = new Date('2026-11-28T10:00:00.000Z');
  const moves = (order: Order): string[] =>
    order
      .pullEvents()
      .filter((e) => e.type === OrderEvents.OrderStatusChanged)
      .map((e) => (e.payload as { to: string }).to);
  const shipped = (): Order => {
    const order = place();
    order.applyShipment('P-issue', null, later);
    order.pullEvents();
    return order;
  };
  const delivered = (): Order => {
    const order = shipped();
    order.markDelivered(later, later);
    order.pullEvents();
    return order;
  };
  const finished = (): Order => {
    const order = delivered();
    order.recordFundStatus('RELEASED', later);
    order.pullEvents();
    return order;
  };

  it('DSP-4: an open request puts a shipped order IN_ISSUE once, audited as an issue-status change', () => {
    const order = shipped();
    order.pullAction();
    expect(order.recordIssueStatus('OPEN', false, at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'IN_ISSUE', issueStatus: 'OPEN', updatedAt: at });
    expect(order.pullAction()).toBe('order.issue-status-changed');
    expect(moves(order)).toEqual(['IN_ISSUE']);
    expect(order.recordIssueStatus('OPEN', false, at)).toBe(false);
    expect(order.pullEvents()).toEqual([]);
  });

  it('DSP-4: escalation keeps the order IN_ISSUE and records ESCALATED without a status move', () => {
    const order = delivered();
    order.recordIssueStatus('OPEN', false, at);
    order.pullEvents();
    expect(order.recordIssueStatus('ESCALATED', false, at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'IN_ISSUE', issueStatus: 'ESCALATED' });
    expect(order.pullEvents()).toEqual([]);
  });

  it('DSP-4: a returned parcel awaiting the inspection is WAIT_SELLER_EXAMINE_MONEY (DSP-3); escalation moves it back IN_ISSUE', () => {
    const order = delivered();
    order.recordIssueStatus('OPEN', false, at);
    expect(order.recordIssueStatus('OPEN', true, at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'WAIT_SELLER_EXAMINE_MONEY', issueStatus: 'OPEN' });
    expect(order.recordIssueStatus('ESCALATED', true, at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'IN_ISSUE', issueStatus: 'ESCALATED' });
    expect(moves(order)).toEqual(['IN_ISSUE', 'WAIT_SELLER_EXAMINE_MONEY', 'IN_ISSUE']);
  });

  it('DSP-4: an order that reaches the inspection directly passes IN_ISSUE, each move in the table', () => {
    const order = delivered();
    expect(order.recordIssueStatus('OPEN', true, at)).toBe(true);
    expect(order.snapshot.status).toBe('WAIT_SELLER_EXAMINE_MONEY');
    expect(moves(order)).toEqual(['IN_ISSUE', 'WAIT_SELLER_EXAMINE_MONEY']);
  });

  it('DSP-4: closing restores WAIT_BUYER_ACCEPT_GOODS before delivery, FUND_PROCESSING after it', () => {
    const inTransit = shipped();
    inTransit.recordIssueStatus('OPEN', false, at);
    expect(inTransit.recordIssueStatus('CLOSED', false, at)).toBe(true);
    expect(inTransit.snapshot).toMatchObject({ status: 'WAIT_BUYER_ACCEPT_GOODS', issueStatus: 'CLOSED' });
    expect(moves(inTransit)).toEqual(['IN_ISSUE', 'WAIT_BUYER_ACCEPT_GOODS']);

    const examined = delivered();
    examined.recordIssueStatus('OPEN', true, at);
    examined.recordIssueStatus('CLOSED', false, at);
    expect(examined.snapshot).toMatchObject({ status: 'FUND_PROCESSING', issueStatus: 'CLOSED' });
  });

  it('DSP-4: a delivery during an open issue is recorded once but keeps the order IN_ISSUE; closing moves it to FUND_PROCESSING', () => {
    const order = shipped();
    order.recordIssueStatus('ESCALATED', false, at);
    order.pullEvents();
    expect(order.markDelivered(at, at)).toBe(true);
    expect(order.markDelivered(at, at)).toBe(false);
    expect(order.snapshot).toMatchObject({ status: 'IN_ISSUE', deliveredAt: at });
    expect(order.pullEvents()).toEqual([]);
    order.recordIssueStatus('CLOSED', false, at);
    expect(order.snapshot.status).toBe('FUND_PROCESSING');
  });

  it('DSP-4: a release during an open issue does not finish the order; closing it does', () => {
    const order = delivered();
    order.recordIssueStatus('OPEN', true, at);
    order.pullEvents();
    expect(order.recordFundStatus('RELEASED', at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'WAIT_SELLER_EXAMINE_MONEY', fundStatus: 'RELEASED' });
    expect(order.pullEvents()).toEqual([]);
    order.recordIssueStatus('CLOSED', false, at);
    expect(order.snapshot.status).toBe('FINISH');
  });

  it('DSP-4: a request after the release reopens the finished order, and closing finishes it again', () => {
    const order = finished();
    expect(order.recordIssueStatus('OPEN', false, at)).toBe(true);
    expect(order.snapshot.status).toBe('IN_ISSUE');
    order.recordIssueStatus('CLOSED', false, at);
    expect(order.snapshot).toMatchObject({ status: 'FINISH', issueStatus: 'CLOSED' });
    expect(moves(order)).toEqual(['IN_ISSUE', 'FINISH']);
  });

  it('DSP-4: a cancelled order or one awaiting shipment cannot enter an issue; nothing is recorded', () => {
    const cancelled = place();
    cancelled.cancel({ initiator: 'SELLER', reason: 'OUT_OF_STOCK', note: null, at: later });
    cancelled.pullEvents();
    expect(() => cancelled.recordIssueStatus('OPEN', false, at)).toThrow(IllegalOrderTransition);
    expect(cancelled.snapshot).toMatchObject({ status: 'FINISH', issueStatus: 'NONE' });
    const waiting = place();
    expect(() => waiting.recordIssueStatus('OPEN', true, at)).toThrow(IllegalOrderTransition);
    expect(waiting.snapshot).toMatchObject({ status: 'WAIT_SELLER_SEND_GOODS', issueStatus: 'NONE' });
    expect(waiting.pullEvents()).toEqual([]);
  });

  it('DSP-4: closing an issue of an order it does not hold records the issue status only', () => {
    const order = delivered();
    expect(order.recordIssueStatus('CLOSED', false, at)).toBe(true);
    expect(order.snapshot).toMatchObject({ status: 'FUND_PROCESSING', issueStatus: 'CLOSED' });
    expect(order.pullEvents()).toEqual([]);
  });

  it('DSP-4: a placed order has no issue', () => {
    expect(place().snapshot.issueStatus).toBe('NONE');
    expect(() => place().transitionTo('IN_ISSUE', at)).toThrow(RuleViolation);
  });
});
