import { randomUUID } from 'node:crypto';
import { withClient } from '../support/database';
import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A lone UTF-16 surrogate is legal in a JSON string (`"\ud800"`) but is no Unicode text:
 * PostgreSQL's jsonb refuses it. It is refused at the edge like the NUL character.
 */
describe('text PostgreSQL cannot store (lone surrogates, NUL) is a 400 naming its field', () => {
  let t: TestApp;
  let service: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    operator = await t.operatorToken();
  });

  afterAll(() => t.close());

  const expectRefused = async (response: { status: number; headers: Headers; body: any }, field: string) => {
    expectFieldProblem(response, field);
    expect(response.body.errors).toEqual([{ field, message: expect.stringContaining('surrogate') }]);
  };

  it('ORD-1: a lone high or low surrogate anywhere in an order is refused naming its JSON path', async () => {
    for (const text of ['Phone \ud800case', 'Phone case \udfff', '\udc00\ud800']) {
      const body = paidOrder();
      body.lines[0].title = text;
      await expectRefused(await t.http.post('/v1/orders', body, service), 'lines[0].title');
    }
    const address = paidOrder();
    address.shippingAddress.line2 = 'Piso \ud83d';
    await expectRefused(await t.http.post('/v1/orders', address, service), 'shippingAddress.line2');
  });

  it('ORD-1: a well-formed pair (an emoji outside the BMP) is ordinary text', async () => {
    const body = paidOrder();
    body.lines[0].title = 'Phone case \ud83d\udce6';
    const response = await t.http.post('/v1/orders', body, service);
    expect(response.status).toBe(201);
    const order = await t.http.get(`/v1/orders/${response.body.id}`, service);
    expect(order.body.lines[0].title).toBe('Phone case 📦');
  });

  it('FUL-3 / FUL-5: scans and review decisions refuse it too', async () => {
    const scan = {
      eventId: 'ev-1',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      type: 'PICKUP',
      occurredAt: '2026-11-26T00:00:00Z',
      description: 'Picked up \udead',
    };
    await expectRefused(await t.http.post('/v1/tracking-events', scan, service), 'description');
    const decision = await t.http.post(
      `/v1/review-tasks/${randomUUID()}/decision`,
      { decision: 'REJECT', reason: 'blurred \ud800' },
      operator,
    );
    await expectRefused(decision, 'reason');
  });

  it('a query cannot carry one (URLs are UTF-8); its encoded bytes are no server error, and NUL is refused', async () => {
    const cesu = await t.http.get('/v1/orders?storeId=a%ED%A0%80', service);
    expect([200, 400]).toContain(cesu.status);
    const nul = await t.http.get('/v1/orders?storeId=a%00', service);
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'storeId', message: 'must not contain NUL characters' }]);
  });

  it('nothing but the well-formed order was stored', async () => {
    const count = await withClient(t.databaseUrl, async (c) =>
      Number((await c.query('select count(*) from orders.orders')).rows[0].count),
    );
    expect(count).toBe(1);
  });
});
