import { OrderFulfillment, ShippedPackage } from './order-fulfillment';

const now = new Date('2026-03-10T00:00:00Z');
const shipped = (deliveredAt: string | null, completesOrder = false): ShippedPackage => ({
  orderId: 'order-1',
  storeId: 'store-1',
  buyerId: 'buyer-1',
  deliveredAt: deliveredAt ? new Date(deliveredAt) : null,
  completesOrder,
});

describe('OrderFulfillment.deliver', () => {
  it('FUL-7: a fully shipped order is delivered at the last delivery scan of its packages', () => {
    const record = OrderFulfillment.deliver(
      [shipped('2026-03-05T08:00:00Z'), shipped('2026-03-07T09:30:00Z', true)],
      now,
    );
    expect(record?.deliveredAt).toEqual(new Date('2026-03-07T09:30:00Z'));
    expect(record?.pullEvents().map((e) => [e.type, e.payload])).toEqual([
      [
        'tradehub.fulfillment.order-delivered',
        { orderId: 'order-1', storeId: 'store-1', deliveredAt: '2026-03-07T09:30:00.000Z' },
      ],
    ]);
  });

  it('FUL-7: not while a package is undelivered, nor before a package completed the order', () => {
    expect(OrderFulfillment.deliver([shipped('2026-03-05T08:00:00Z'), shipped(null, true)], now)).toBeNull();
    expect(OrderFulfillment.deliver([shipped('2026-03-05T08:00:00Z')], now)).toBeNull();
    expect(OrderFulfillment.deliver([], now)).toBeNull();
  });
});
