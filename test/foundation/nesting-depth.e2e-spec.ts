import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { withClient } from '../support/database';
import { producer } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

/** `{"lines":[[[…]]]}` with `depth` levels of nesting in all. */
const deepArrays = (depth: number): string => `{"lines":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
/** `{"a":{"a":…1…}}` with `depth` levels of nesting in all. */
const deepObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Validation walks a body recursively; a body nested deep enough would overflow the stack. */
describe('JSON nested deeper than the limit is refused before anything walks it', () => {
  let t: TestApp;
  let checkout: Producer;
  let service: string;
  let operator: string;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    checkout = await producer();
    service = await t.serviceToken();
    operator = await t.operatorToken();
    orderId = (await t.http.post('/v1/orders', paidOrder(), service)).body.id;
  });

  afterAll(async () => {
    await checkout.disconnect();
    await t.close();
  });

  const post = (path: string, text: string, token = service) =>
    t.http.request('POST', path, { token, rawBody: text, headers: { 'content-type': 'application/json' } });

  const targets = (): [string, string][] => [
    ['/v1/orders', service],
    [`/v1/orders/${orderId}/shipments`, service],
    ['/v1/shipments/batch', service],
    ['/v1/tracking-events', service],
    [`/v1/review-tasks/${randomUUID()}/decision`, operator],
  ];

  it('bodies nested 33 to 100,000 levels are a 400 problem naming the body on every JSON endpoint', async () => {
    for (const [path, token] of targets()) {
      for (const depth of [33, 2000, 3000, 100_000]) {
        for (const text of [deepArrays(depth), deepObjects(depth)]) {
          const response = await post(path, text, token);
          expect({ path, depth, status: response.status }).toEqual({ path, depth, status: 400 });
          expect(response.headers.get('content-type')).toContain(PROBLEM);
          expect(response.body).toMatchObject({ code: 'JSON_TOO_DEEP', errors: [{ field: 'body' }] });
        }
      }
    }
  });

  it('brackets inside strings do not count, and 32 levels are read and validated as usual', async () => {
    const order = paidOrder({ paymentMethod: '[[[[{{{{'.repeat(20) });
    expect((await t.http.post('/v1/orders', order, service)).status).toBe(400);
    const response = await post('/v1/orders', deepObjects(32), service);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const escaped = paidOrder({ paymentMethod: 'CARD \\"[[[' });
    expect((await t.http.post('/v1/orders', escaped, service)).status).toBe(201);
  });

  it('ORD-1: a checkout message nested too deep is kept as a dead letter, and the orders behind it go on', async () => {
    const topic = `${t.namespace}.checkout.order-paid.v1`;
    const good = paidOrder();
    await checkout.send({
      topic,
      messages: [
        { key: 'one-partition', value: deepObjects(100_000) },
        { key: 'one-partition', value: JSON.stringify(good) },
      ],
    });
    const deadline = Date.now() + 15000;
    let found: unknown[] = [];
    while (found.length === 0 && Date.now() < deadline) {
      const list = await t.http.get('/v1/orders?limit=200', service);
      found = list.body.items.filter(
        (o: { marketplaceOrderId: string }) => o.marketplaceOrderId === good.marketplaceOrderId,
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toHaveLength(1);
    const dead = await withClient(
      t.databaseUrl,
      async (c) => (await c.query(`select topic, error, attempts from platform.dead_letters`)).rows,
    );
    expect(dead).toEqual([
      { topic, error: expect.stringContaining('nested deeper than 32 levels'), attempts: 1 },
    ]);
  });
});
