import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DISPUTE_EVENT_CATALOGUE, DisputeEvents } from '@tradehub/disputes/contract';
import { FULFILLMENT_EVENT_CATALOGUE, FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { ORDER_EVENT_CATALOGUE, OrderEvents } from '@tradehub/orders/contract';
import { REVIEW_EVENT_CATALOGUE, ReviewEvents } from '@tradehub/reviews/contract';
import { SETTLEMENT_EVENT_CATALOGUE, SettlementEvents } from '@tradehub/settlement/contract';

/**
 * The catalogues are typed by their context's event types, so a new type without an entry does
 * not compile; these tests hold the rest: one entry per type, rule IDs in every summary, and the
 * committed AsyncAPI document carrying every entry (the byte-for-byte check is `npm run lint`).
 */
const catalogues = [
  { context: 'orders', events: OrderEvents, catalogue: ORDER_EVENT_CATALOGUE },
  { context: 'fulfillment', events: FulfillmentEvents, catalogue: FULFILLMENT_EVENT_CATALOGUE },
  { context: 'settlement', events: SettlementEvents, catalogue: SETTLEMENT_EVENT_CATALOGUE },
  { context: 'disputes', events: DisputeEvents, catalogue: DISPUTE_EVENT_CATALOGUE },
  { context: 'reviews', events: ReviewEvents, catalogue: REVIEW_EVENT_CATALOGUE },
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

  it('docs/asyncapi.json documents every catalogued event with its summary, payload schema and example', () => {
    const doc = JSON.parse(readFileSync(resolve(__dirname, '../../docs/asyncapi.json'), 'utf8'));
    expect(doc.asyncapi).toMatch(/^3\.0\./);
    for (const { context, catalogue } of catalogues) {
      for (const entry of Object.values(catalogue)) {
        const message = doc.components.messages[entry.type];
        expect(message).toMatchObject({
          summary: entry.summary,
          payload: { properties: { data: { $ref: `#/components/schemas/${entry.payload}` } } },
          examples: [{ payload: { schemaVersion: 1, data: entry.example } }],
        });
        expect(doc.components.schemas[entry.payload]).toBeDefined();
        expect(Object.values(doc.channels[context].messages)).toContainEqual({
          $ref: `#/components/messages/${entry.type}`,
        });
      }
    }
  });
});
