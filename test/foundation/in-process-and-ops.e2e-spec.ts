import { FULFILLMENT_EVENT_CATALOGUE } from '@tradehub/fulfillment/contract';
import { ORDER_EVENT_CATALOGUE } from '@tradehub/orders/contract';
import { SETTLEMENT_EVENT_CATALOGUE } from '@tradehub/settlement/contract';
import { EventDispatcher, IncomingEvent, PlatformDatabase, Tx } from '@tradehub/platform';
import { withClient } from '../support/database';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe('embedded mode: in-process events; operations endpoints', () => {
  let t: TestApp;
  const received: IncomingEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    const dispatcher = t.app.get(EventDispatcher);
    dispatcher.register({
      consumer: 'test.order-placed',
      topic: t.topic('orders'),
      types: ['tradehub.orders.order-placed'],
      database: t.app.get(PlatformDatabase),
      async handle(event: IncomingEvent, tx: Tx) {
        await tx.query('select 1');
        received.push(event);
      },
    });
  });

  afterAll(() => t.close());

  it('with no Kafka configured the same outbox rows reach consumers in-process, once each (inbox)', async () => {
    const created = await t.http.post('/v1/orders', paidOrder(), await t.serviceToken());
    const deadline = Date.now() + 10000;
    while (!received.some((e) => e.key === created.body.id) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const event = received.find((e) => e.key === created.body.id)!;
    expect(event).toMatchObject({
      type: 'tradehub.orders.order-placed',
      topic: t.topic('orders'),
      data: { orderId: created.body.id },
    });
    // A redelivery of the same event id has no second effect.
    await t.app.get(EventDispatcher).dispatch(event);
    expect(received.filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('CMP-6: every change leaves an audit record (actor, time, request id, what changed) that operators can query', async () => {
    const created = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: 'store-audit' }),
      await t.serviceToken(),
    );
    const seller = await t.sellerToken(['store-audit']);
    const cancel = await t.http.post(
      `/v1/orders/${created.body.id}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    const operator = await t.operatorToken();
    const trail = await t.http.get(`/v1/audit-log?subjectType=order&subjectId=${created.body.id}`, operator);
    expect(trail.status).toBe(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        action: 'order.cancelled',
        actor: 'seller-store-audit',
        actorKind: 'seller_staff',
        requestId: cancel.headers.get('x-request-id'),
        storeId: 'store-audit',
        changes: expect.objectContaining({
          status: { from: 'WAIT_SELLER_SEND_GOODS', to: 'FINISH' },
          cancellation: {
            from: null,
            to: expect.objectContaining({ initiator: 'SELLER', reason: 'OUT_OF_STOCK' }),
          },
        }),
        events: [
          expect.objectContaining({ type: 'tradehub.orders.order-status-changed' }),
          expect.objectContaining({ type: 'tradehub.orders.order-cancelled' }),
        ],
      }),
      expect.objectContaining({
        action: 'order.placed',
        actor: 'test-service',
        requestId: created.headers.get('x-request-id'),
      }),
    ]);
    // The order's own records, a page of one at a time (Disputes audits its risk score under the same id).
    const firstPage = await t.http.get(
      `/v1/audit-log?subjectType=order&subjectId=${created.body.id}&limit=1`,
      operator,
    );
    const secondPage = await t.http.get(
      `/v1/audit-log?subjectType=order&subjectId=${created.body.id}&limit=1&cursor=${firstPage.body.nextCursor}`,
      operator,
    );
    expect(
      [...firstPage.body.items, ...secondPage.body.items].map((e: { action: string }) => e.action),
    ).toEqual(['order.cancelled', 'order.placed']);
    // The store's own staff read its records (the console's order page); another store's read none.
    const own = await t.http.get(`/v1/audit-log?subjectType=order&subjectId=${created.body.id}`, seller);
    expect(own.body.items.map((e: { action: string }) => e.action)).toEqual([
      'order.cancelled',
      'order.placed',
    ]);
    const otherSeller = await t.sellerToken(['store-elsewhere']);
    expect((await t.http.get(`/v1/audit-log?subjectId=${created.body.id}`, otherSeller)).body.items).toEqual(
      [],
    );
    const elsewhere = await t.token({ kind: 'operator', id: 'op-z', stores: ['store-z'] });
    expect((await t.http.get(`/v1/audit-log?subjectId=${created.body.id}`, elsewhere)).body.items).toEqual(
      [],
    );
  });

  it("CMP-6: seller staff read their own stores' audit records, with the platform's staff named `platform`", async () => {
    const created = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: 'store-audit-seller' }),
      await t.serviceToken(),
    );
    const operator = await t.token({ kind: 'operator', id: 'op-jane' });
    const cancel = await t.http.post(
      `/v1/orders/${created.body.id}/cancel`,
      { initiator: 'BUYER', reason: 'BUYER_REQUESTED' },
      operator,
    );
    expect(cancel.status).toBeLessThan(300);
    const path = `/v1/audit-log?subjectType=order&subjectId=${created.body.id}`;
    const asOperator = await t.http.get(path, await t.operatorToken());
    expect(asOperator.body.items[0]).toMatchObject({ action: 'order.cancelled', actor: 'op-jane' });
    const asSeller = await t.http.get(path, await t.sellerToken(['store-audit-seller']));
    expect(asSeller.status).toBe(200);
    expect(asSeller.body.items.map((e: { action: string }) => e.action)).toEqual([
      'order.cancelled',
      'order.placed',
    ]);
    expect(asSeller.body.items[0]).toMatchObject({ actor: 'platform', actorKind: 'operator' });
    expect(asSeller.body.items[1]).toMatchObject({ actor: 'test-service', actorKind: 'service' });
    // A store filter outside the caller's stores reads nothing rather than another seller's records.
    const foreign = await t.http.get(
      '/v1/audit-log?storeId=store-audit',
      await t.sellerToken(['store-audit-seller']),
    );
    expect(foreign.body.items).toEqual([]);
  });

  it('health: live and ready (database up, events in-process)', async () => {
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: 'up', kafka: 'in-process', outboxListener: 'listening' },
    });
  });

  it('metrics: Prometheus text with HTTP, outbox lag and due timers', async () => {
    const metrics = await t.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('tradehub_http_requests_total');
    expect(metrics.body).toContain('tradehub_outbox_lag_seconds');
    expect(metrics.body).toContain('tradehub_outbox_unpublished');
    expect(metrics.body).toContain('tradehub_timers_due');
  });

  it('Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await t.http.get('/docs');
    expect(ui.status).toBe(200);
    const doc = await t.http.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/orders', '/v1/orders/{orderId}', '/v1/sandbox/clock/advance']),
    );
  });

  it('the AsyncAPI 3 document of the Kafka contract at /docs/asyncapi.json, public, with every catalogued event type', async () => {
    const res = await t.http.get('/docs/asyncapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = res.body;
    expect(doc.asyncapi).toMatch(/^3\./);
    const catalogued = [
      ...Object.values(ORDER_EVENT_CATALOGUE),
      ...Object.values(FULFILLMENT_EVENT_CATALOGUE),
      ...Object.values(SETTLEMENT_EVENT_CATALOGUE),
    ];
    const documented = Object.values(doc.components.messages).map((m: any) => m.title);
    expect(documented).toEqual(expect.arrayContaining(catalogued.map((e) => e.type)));
    expect(Object.values(doc.channels).map((c: any) => c.address)).toEqual(
      expect.arrayContaining([
        '{namespace}.orders.v1',
        '{namespace}.fulfillment.v1',
        'checkout.order-paid.v1',
        'logistics.tracking.v1',
      ]),
    );
    // The OpenAPI document stays where it was, and points to this one.
    expect((await t.http.get('/docs-json')).body.info.description).toContain('/docs/asyncapi.json');
  });

  it('every answer carries the request id, also problems', async () => {
    const ok = await t.http.get('/health/live');
    expect(ok.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    const problem = await t.http.get('/v1/orders');
    expect(problem.body.requestId).toBe(problem.headers.get('x-request-id'));
  });

  it('the sandbox clock only moves forward and only operators and services may move it', async () => {
    const seller = await t.sellerToken(['store-a']);
    expect((await t.http.post('/v1/sandbox/clock/advance', { seconds: 60 }, seller)).status).toBe(403);
    const operator = await t.operatorToken();
    const back = await t.http.post('/v1/sandbox/clock/advance', { to: '2020-01-01T00:00:00Z' }, operator);
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('CLOCK_CANNOT_GO_BACK');
    const neither = await t.http.post('/v1/sandbox/clock/advance', {}, operator);
    expect(neither.status).toBe(400);
  });

  it('requests that do not advance the sandbox clock never write its row (a read per request, no update)', async () => {
    const version = (): Promise<string> =>
      withClient(t.databaseUrl, async (c) => {
        const { rows } = await c.query(`select xmin::text as v from platform.sandbox_clock where id = 1`);
        return rows[0].v;
      });
    const seller = await t.sellerToken(['store-a']);
    const orderId = (await t.http.post('/v1/orders', paidOrder(), await t.serviceToken())).body.id;
    const before = await version();
    for (let i = 0; i < 5; i++) {
      expect((await t.http.get('/health/live')).status).toBe(200);
      expect((await t.http.get(`/v1/orders/${orderId}`, seller)).status).toBe(200);
      expect((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).status).toBe(200);
    }
    expect(await t.http.post('/v1/orders', paidOrder(), await t.serviceToken())).toMatchObject({
      status: 201,
    });
    expect(await version()).toBe(before);
    // Advancing is the one request that writes it.
    await t.advance(60);
    expect(await version()).not.toBe(before);
  });
});

describe('sandbox off', () => {
  it('without SANDBOX the clock endpoints do not exist', async () => {
    const t = await startTestApp({ kafka: false, env: { SANDBOX: 'false' } });
    try {
      expect((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
