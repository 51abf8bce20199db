import { withClient } from '../support/database';
import { cainiaoNumber } from '../support/fulfillment';
import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

describe('FUL-1, FUL-2, ORD-5 shipment confirmation and cancellation', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let service: string;
  let seller: string;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('fulfillment'), t.topic('orders')]);
    service = await t.serviceToken();
    seller = await t.sellerToken(['store-a']);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const place = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await t.http.post('/v1/orders', paidOrder(overrides), service)).body.id;
  const packageCount = (orderId: string): Promise<number> =>
    withClient(t.databaseUrl, async (c) =>
      Number(
        (await c.query('select count(*) from fulfillment.packages where order_id = $1', [orderId])).rows[0]
          .count,
      ),
    );

  it('FUL-1: GET /v1/carriers lists the approved channels with their patterns', async () => {
    const carriers = await t.http.get('/v1/carriers', seller);
    expect(carriers.body.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['CAINIAO', 'YANWEN', '4PX', 'DHL']),
    );
    expect(carriers.body.find((c: { code: string }) => c.code === 'CAINIAO')).toMatchObject({
      kind: 'marketplace_logistics',
    });
  });

  it('FUL-1: an unknown carrier is refused (422, field carrierCode) and nothing ships', async () => {
    const orderId = await place();
    const response = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'PIGEON', trackingNumber: cainiaoNumber() },
      seller,
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    expect(response.body).toMatchObject({ code: 'UNKNOWN_CARRIER', errors: [{ field: 'carrierCode' }] });
    expect(await packageCount(orderId)).toBe(0);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.status).toBe('WAIT_SELLER_SEND_GOODS');
  });

  it('FUL-2: a number that fails the carrier pattern is refused, changes nothing, and raises INVALID_TRACKING_NUMBER', async () => {
    const orderId = await place();
    const response = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: 'NOT-A-NUMBER' },
      seller,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'TRACKING_NUMBER_INVALID',
      errors: [{ field: 'trackingNumber' }],
    });
    expect(await packageCount(orderId)).toBe(0);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body).toMatchObject({
      status: 'WAIT_SELLER_SEND_GOODS',
      lines: [{ shippedQuantity: 0 }],
    });
    const [flag] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.fulfillment.risk-flag-raised',
    );
    expect(flag.body.data).toMatchObject({ code: 'INVALID_TRACKING_NUMBER', storeId: 'store-a', orderId });
  });

  it('FUL-2: a number in use on an order of another buyer is refused (409); the same buyer may combine parcels', async () => {
    const number = cainiaoNumber();
    const first = await place({ buyerId: 'buyer-x' });
    expect(
      (
        await t.http.post(
          `/v1/orders/${first}/shipments`,
          { carrierCode: 'CAINIAO', trackingNumber: number },
          seller,
        )
      ).status,
    ).toBe(201);
    const otherBuyer = await place({ buyerId: 'buyer-y' });
    const reused = await t.http.post(
      `/v1/orders/${otherBuyer}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number },
      seller,
    );
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      code: 'TRACKING_NUMBER_REUSED',
      errors: [{ field: 'trackingNumber' }],
    });
    expect(await packageCount(otherBuyer)).toBe(0);
    expect((await t.http.get(`/v1/orders/${otherBuyer}`, seller)).body.status).toBe('WAIT_SELLER_SEND_GOODS');
    await probe.waitFor(
      (m) => m.key === otherBuyer && m.headers.ce_type === 'tradehub.fulfillment.risk-flag-raised',
    );
    const sameBuyer = await place({ buyerId: 'buyer-x' });
    expect(
      (
        await t.http.post(
          `/v1/orders/${sameBuyer}/shipments`,
          { carrierCode: 'CAINIAO', trackingNumber: number },
          seller,
        )
      ).status,
    ).toBe(201);
  });

  it('FUL-2: over-shipping a line is refused with the line named', async () => {
    const orderId = await place();
    const response = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber(), lines: [{ lineId: '1', quantity: 3 }] },
      seller,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'LINE_OVER_SHIPPED',
      errors: [{ field: 'lines[0].quantity' }],
    });
  });

  it('ORD-2: shipping after the deadline is allowed and the late strike stays', async () => {
    const orderId = await place({ storeId: 'store-a' });
    await t.advance(5 * 3600);
    const shipped = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      seller,
    );
    expect(shipped.status).toBe(201);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body).toMatchObject({
      status: 'WAIT_BUYER_ACCEPT_GOODS',
      deadlines: { lateShipment: true },
    });
  });

  it('ORD-5: a seller cancels with a reason; the deadlines are released; the cancelled order cannot ship', async () => {
    const clock = (await t.http.get('/v1/sandbox/clock', service)).body.now;
    const orderId = await place({ paidAt: clock });
    const cancelled = await t.http.post(
      `/v1/orders/${orderId}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'FINISH',
      cancellation: { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
    });
    const [event] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.order-cancelled',
    );
    expect(event.body.data).toMatchObject({ sellerInitiated: true });
    const timers = await withClient(
      t.databaseUrl,
      async (c) =>
        (await c.query(`select status from platform.timers where subject = $1`, [`order:${orderId}`])).rows,
    );
    expect(timers.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    await t.advance(5 * 3600);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.deadlines.lateShipment).toBe(false);
    const ship = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      seller,
    );
    expect(ship.status).toBe(422);
    expect(ship.body.code).toBe('ORDER_NOT_SHIPPABLE');
    expect(await packageCount(orderId)).toBe(0);
  });

  it("ORD-5: a shipped order cannot be cancelled; sellers cannot cancel on the buyer's behalf; bad reasons are named", async () => {
    const orderId = await place();
    await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      seller,
    );
    const late = await t.http.post(
      `/v1/orders/${orderId}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('ORDER_NOT_CANCELLABLE');
    const other = await place();
    expect(
      (
        await t.http.post(
          `/v1/orders/${other}/cancel`,
          { initiator: 'BUYER', reason: 'BUYER_CHANGED_MIND' },
          seller,
        )
      ).body.errors,
    ).toEqual([expect.objectContaining({ field: 'initiator' })]);
    expect(
      (await t.http.post(`/v1/orders/${other}/cancel`, { initiator: 'SELLER', reason: 'BORED' }, seller)).body
        .errors,
    ).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(
      (
        await t.http.post(
          `/v1/orders/${other}/cancel`,
          { initiator: 'BUYER', reason: 'BUYER_CHANGED_MIND' },
          service,
        )
      ).status,
    ).toBe(200);
  });

  it('API-3: a retried confirmation or cancellation (no key) answers again with no second effect', async () => {
    const orderId = await place();
    const body = { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() };
    const first = await t.http.post(`/v1/orders/${orderId}/shipments`, body, seller);
    const retry = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { ...body, trackingNumber: body.trackingNumber.toLowerCase() },
      seller,
    );
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await packageCount(orderId)).toBe(1);
    const other = await place();
    const cancel = { initiator: 'SELLER', reason: 'OUT_OF_STOCK' };
    expect((await t.http.post(`/v1/orders/${other}/cancel`, cancel, seller)).status).toBe(200);
    expect((await t.http.post(`/v1/orders/${other}/cancel`, cancel, seller)).status).toBe(200);
    await probe.waitFor((m) => m.key === other && m.headers.ce_type === 'tradehub.orders.order-cancelled');
    await new Promise((r) => setTimeout(r, 300));
    expect(
      probe.messages.filter(
        (m) => m.key === other && m.headers.ce_type === 'tradehub.orders.order-cancelled',
      ),
    ).toHaveLength(1);
  });

  it('FUL-2: identical confirmations sent at once create one package; one number cannot go to two buyers at once', async () => {
    const orderId = await place({
      lines: [
        { lineId: 'L1', sku: 'S', title: 't', quantity: 2, unitPrice: { minor: '100', currency: 'USD' } },
      ],
    });
    const body = {
      carrierCode: 'CAINIAO',
      trackingNumber: cainiaoNumber(),
      lines: [{ lineId: 'L1', quantity: 1 }],
    };
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.http.post(`/v1/orders/${orderId}/shipments`, body, seller)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await packageCount(orderId)).toBe(1);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body).toMatchObject({
      status: 'SELLER_PART_SEND_GOODS',
      lines: [{ shippedQuantity: 1 }],
    });

    const number = cainiaoNumber();
    const a = await place({ buyerId: 'buyer-p' });
    const b = await place({ buyerId: 'buyer-q' });
    const both = await Promise.all(
      [a, b].map((id) =>
        t.http.post(`/v1/orders/${id}/shipments`, { carrierCode: 'CAINIAO', trackingNumber: number }, seller),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('ERP batch: each item is applied or refused on its own, with a result per item', async () => {
    const ok = await place();
    const cancelled = await place();
    await t.http.post(
      `/v1/orders/${cancelled}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    const response = await t.http.post(
      '/v1/shipments/batch',
      {
        items: [
          { orderId: ok, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
          { orderId: cancelled, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
          {
            orderId: '01a2157a-c8bc-764f-b248-09937b0aaf66',
            carrierCode: 'CAINIAO',
            trackingNumber: cainiaoNumber(),
          },
          { orderId: ok, carrierCode: 'DHL', trackingNumber: 'abc' },
        ],
      },
      seller,
    );
    expect(response.status).toBe(200);
    expect(response.body.shipped).toBe(1);
    expect(response.body.failed).toBe(3);
    expect(
      response.body.results.map((r: { outcome: string; problem?: { code: string } }) => [
        r.outcome,
        r.problem?.code,
      ]),
    ).toEqual([
      ['SHIPPED', undefined],
      ['FAILED', 'ORDER_NOT_SHIPPABLE'],
      ['FAILED', 'ORDER_NOT_FOUND'],
      ['FAILED', 'ORDER_NOT_SHIPPABLE'],
    ]);
    const malformed = await t.http.post(
      '/v1/shipments/batch',
      { items: [{ orderId: 'x', carrierCode: 'CAINIAO' }] },
      seller,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['items[0].orderId', 'items[0].trackingNumber']),
    );
  });

  it('API-2: a caller without the store grant can neither see nor change its orders or packages', async () => {
    const orderId = await place({ storeId: 'store-b' });
    const outsider = await t.sellerToken(['store-a']);
    const ship = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      outsider,
    );
    expect(ship.status).toBe(404);
    expect(ship.body.code).toBe('ORDER_NOT_FOUND');
    expect(
      (
        await t.http.post(
          `/v1/orders/${orderId}/cancel`,
          { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
          outsider,
        )
      ).status,
    ).toBe(404);
    const owner = await t.sellerToken(['store-b']);
    const pkg = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      owner,
    );
    expect(pkg.status).toBe(201);
    expect((await t.http.get(`/v1/packages/${pkg.body.id}`, outsider)).status).toBe(404);
    expect((await t.http.get(`/v1/orders/${orderId}/packages`, outsider)).status).toBe(404);
    expect((await t.http.get(`/v1/orders/${orderId}/packages`, owner)).body).toHaveLength(1);
    // Unshipped or missing, another store's order answers exactly like no order at all.
    const unshipped = await place({ storeId: 'store-b' });
    const missing = await t.http.get('/v1/orders/01a2157a-c8bc-764f-b248-09937b0aaf66/packages', outsider);
    const foreign = await t.http.get(`/v1/orders/${unshipped}/packages`, outsider);
    expect([missing.status, foreign.status]).toEqual([404, 404]);
    expect(foreign.body.code).toBe(missing.body.code);
  });
});
