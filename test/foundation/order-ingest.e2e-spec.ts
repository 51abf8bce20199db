import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe('ORD-1 paid order ingest over HTTP, events on Kafka', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('orders')]);
    service = await t.serviceToken();
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  it('ORD-1: a paid order enters WAIT_SELLER_SEND_GOODS and its OrderPlaced event reaches Kafka with CloudEvents headers, keyed by order id', async () => {
    const body = paidOrder();
    const created = await t.http.post('/v1/orders', body, service);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      marketplaceOrderId: body.marketplaceOrderId,
      status: 'WAIT_SELLER_SEND_GOODS',
      total: { minor: '2800', currency: 'USD' },
    });
    const orderId = created.body.id;
    const [event] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.order-placed',
    );
    expect(event.topic).toBe(t.topic('orders'));
    expect(event.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/tradehub/orders',
      ce_subject: `order/${orderId}`,
      ce_time: expect.any(String),
      ce_id: expect.any(String),
    });
    expect(event.body).toMatchObject({
      schemaVersion: 1,
      data: {
        orderId,
        marketplaceOrderId: body.marketplaceOrderId,
        storeId: 'store-a',
        shipBy: '2026-11-26T04:00:00.000Z',
      },
    });
  });

  it('ORD-1: ingesting the same marketplace order again returns the existing order and emits nothing new', async () => {
    const body = paidOrder();
    const first = await t.http.post('/v1/orders', body, service);
    const second = await t.http.post('/v1/orders', body, service);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    await probe.waitFor((m) => m.key === first.body.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      probe.messages.filter(
        (m) => m.key === first.body.id && m.headers.ce_type === 'tradehub.orders.order-placed',
      ),
    ).toHaveLength(1);
  });

  it('ORD-2: GET /v1/orders/{id} shows the ship-by deadline four hours after payment and the warning one hour before', async () => {
    const created = await t.http.post(
      '/v1/orders',
      paidOrder({ paidAt: '2026-11-26T00:10:00.000Z' }),
      service,
    );
    const shown = await t.http.get(`/v1/orders/${created.body.id}`, service);
    expect(shown.status).toBe(200);
    expect(shown.body.deadlines).toEqual({
      shipBy: '2026-11-26T04:10:00.000Z',
      shipWarningAt: '2026-11-26T03:10:00.000Z',
      shipWarnedAt: null,
      overdue: false,
      lateShipment: false,
      lateFlaggedAt: null,
    });
  });

  it('ORD-3: a presale order takes its own ship-by date', async () => {
    const created = await t.http.post(
      '/v1/orders',
      paidOrder({ presale: { shipBy: '2026-12-05T00:00:00.000Z' } }),
      service,
    );
    expect(created.status).toBe(201);
    expect(created.body.presale).toBe(true);
    expect(created.body.deadlines.shipBy).toBe('2026-12-05T00:00:00.000Z');
  });
});
