import { withClient } from '../support/database';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

describe('bad input answers 4xx problem+json naming the field, and changes nothing', () => {
  let t: TestApp;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
  });

  afterAll(() => t.close());

  const orderCount = (): Promise<number> =>
    withClient(t.databaseUrl, async (c) =>
      Number((await c.query('select count(*) from orders.orders')).rows[0].count),
    );

  it('malformed JSON is a 400 naming the body', async () => {
    const response = await t.http.request('POST', '/v1/orders', {
      token: service,
      rawBody: '{"channel": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    expect(response.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON', errors: [{ field: 'body' }] });
  });

  it('a wrong type deep in the body is a 400 naming its JSON path', async () => {
    const body = paidOrder();
    body.lines[0].quantity = 'two';
    const response = await t.http.post('/v1/orders', body, service);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('lines[0].quantity');
  });

  it('an unknown field is refused by name', async () => {
    const response = await t.http.post('/v1/orders', paidOrder({ discount: 5 }), service);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'discount' })]),
    );
  });

  it('money as a float is refused: minor units are integer strings', async () => {
    const response = await t.http.post(
      '/v1/orders',
      paidOrder({ shippingFee: { minor: '3.5', currency: 'USD' } }),
      service,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('shippingFee.minor');
  });

  it('dates JavaScript cannot read, and totals past the bigint range, are 4xx naming the field', async () => {
    const farFuture = await t.http.post(
      '/v1/orders',
      paidOrder({ paidAt: '+020000-01-01T00:00:00Z' }),
      service,
    );
    expect(farFuture.status).toBe(400);
    expect(farFuture.body.errors).toEqual([expect.objectContaining({ field: 'paidAt' })]);
    const noZone = await t.http.post('/v1/orders', paidOrder({ paidAt: '2026-11-26T00:00:00' }), service);
    expect(noZone.status).toBe(400);
    const huge = paidOrder({
      lines: [
        {
          sku: 'X',
          title: 'x',
          quantity: 10000,
          unitPrice: { minor: '999999999999999999', currency: 'USD' },
        },
      ],
    });
    const overflow = await t.http.post('/v1/orders', huge, service);
    expect(overflow.status).toBe(422);
    expect(overflow.body).toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE', errors: [{ field: 'lines' }] });
    const badFilter = await t.http.get('/v1/orders?paidFrom=-004714-01-01T00:00:00Z', service);
    expect(badFilter.status).toBe(400);
    const tampered = Buffer.from(JSON.stringify(['-paidAt', 'garbage', 'nope'])).toString('base64url');
    const cursor = await t.http.get(`/v1/orders?cursor=${tampered}`, service);
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('a NUL character, which PostgreSQL cannot store, is a 400 naming its field, not a server error', async () => {
    const body = paidOrder();
    body.lines[0].title = 'Phone\u0000case';
    const response = await t.http.post('/v1/orders', body, service);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'lines[0].title', message: 'must not contain NUL characters' },
    ]);
  });

  it('API-2: a service limited to some stores may not ingest for another (403, field storeId)', async () => {
    const limited = await t.token({ kind: 'service', id: 'checkout-eu', stores: ['store-a'] });
    const refused = await t.http.post('/v1/orders', paidOrder({ storeId: 'store-b' }), limited);
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'storeId' })]);
  });

  it('ORD-1: an order of another storefront is refused clearly (422, field channel)', async () => {
    const response = await t.http.post('/v1/orders', paidOrder({ channel: 'shopify' }), service);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'FOREIGN_STOREFRONT_ORDER', errors: [{ field: 'channel' }] });
  });

  it('lines in a currency other than the order currency are refused (422)', async () => {
    const body = paidOrder();
    body.lines[0].unitPrice.currency = 'EUR';
    const response = await t.http.post('/v1/orders', body, service);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'MIXED_CURRENCIES',
      errors: [{ field: 'lines[0].unitPrice.currency' }],
    });
  });

  it('nothing was written by any refused request', async () => {
    expect(await orderCount()).toBe(0);
  });

  it('an unknown order id is 404 problem+json; a malformed one is 400 naming the parameter', async () => {
    const missing = await t.http.get('/v1/orders/01a2157a-c8bc-764f-b248-09937b0aaf66', service);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain(PROBLEM);
    expect(missing.body.code).toBe('ORDER_NOT_FOUND');
    const malformed = await t.http.get('/v1/orders/not-a-uuid', service);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'orderId', message: 'must be a UUID' }]);
  });

  it('an unknown list filter value is a 400 naming it', async () => {
    const response = await t.http.get('/v1/orders?status=SHIPPED_SOMEHOW', service);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const badCursor = await t.http.get('/v1/orders?cursor=bm9wZQ', service);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('no token is 401, a forged token is 401, and a seller may not ingest orders (403)', async () => {
    expect((await t.http.get('/v1/orders')).status).toBe(401);
    const forged = await t.http.get('/v1/orders', `${service.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('INVALID_TOKEN');
    const seller = await t.sellerToken(['store-a']);
    const refused = await t.http.post('/v1/orders', paidOrder(), seller);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain(PROBLEM);
  });

  it('an unknown route is a 404 problem+json', async () => {
    const response = await t.http.get('/v1/nothing-here', service);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
  });
});
