import { FULFILLMENT_EVENT_CATALOGUE, FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { ORDER_EVENT_CATALOGUE, OrderEvents } from '@tradehub/orders/contract';

/**
 * The catalogues are typed by their context's event types, so a new type without an entry does
 * not compile; these tests hold the rest: one entry per type and rule IDs in every summary.
 */
const catalogues = [
  { context: 'orders', events: OrderEvents, catalogue: ORDER_EVENT_CATALOGUE },
  { context: 'fulfillment', events: FulfillmentEvents, catalogue: FULFILLMENT_EVENT_CATALOGUE },
];

describe('event catalogues of the contracts', () => {
  it.each(catalogues)('$context: exactly one entry per event type, listed under its type', (c) => {
    expect(Object.keys(c.catalogue).sort()).toEqual(Object.values(c.events).sort());
    for (const [type, entry] of Object.entries(c.catalogue)) expect(entry.type).toBe(type);
  });

  it.each(catalogues)('$context: every summary names its rules; every payload is a V1 interface', (c) => {
    for (const entry of Object.values(c.catalogue)) {
      expect(entry.summary).toMatch(/\b(ORD|FUL|SET|DSP|REV|CMP)-\d/);
      expect(entry.payload).toMatch(/^[A-Z]\w*V1$/);
      expect(entry.example).toEqual(expect.any(Object));
    }
  });
});
