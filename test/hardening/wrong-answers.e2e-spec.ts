import { withClient } from '../support/database';
import { cainiaoNumber, scan } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

const HOUR = 3600;

/** Answers that were wrong: what black-box checks found. */
describe('wrong answers', () => {
  let t: TestApp;
  let service: string;
  let seller: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    seller = await t.sellerToken(['store-a']);
    operator = await t.operatorToken();
  });

  afterAll(() => t.close());

  const now = async (): Promise<string> => (await t.http.get('/v1/sandbox/clock', operator)).body.now;
  const place = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await t.http.post('/v1/orders', paidOrder({ paidAt: await now(), ...overrides }), service)).body.id;
  const order = async (id: string) => (await t.http.get(`/v1/orders/${id}`, seller)).body;
  const packageCount = (orderId: string): Promise<number> =>
    withClient(t.databaseUrl, async (c) =>
      Number(
        (await c.query('select count(*) from fulfillment.packages where order_id = $1', [orderId])).rows[0]
          .count,
      ),
    );

  it('FUL-2: twenty identical confirmations at once (no key) all get the first answer: one package, twenty 201s', async () => {
    const orderId = await place();
    const body = { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post(`/v1/orders/${orderId}/shipments`, body, seller)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await packageCount(orderId)).toBe(1);
    expect((await order(orderId)).status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('FUL-2: a number already used for this order, naming other lines, is refused with 409 naming its package; nothing ships', async () => {
    const orderId = await place({
      lines: [
        { lineId: 'L1', sku: 'A', title: 'a', quantity: 1, unitPrice: { minor: '100', currency: 'USD' } },
        { lineId: 'L2', sku: 'B', title: 'b', quantity: 1, unitPrice: { minor: '100', currency: 'USD' } },
      ],
    });
    const number = cainiaoNumber();
    const ship = (lines: unknown) =>
      t.http.post(
        `/v1/orders/${orderId}/shipments`,
        { carrierCode: 'CAINIAO', trackingNumber: number, lines },
        seller,
      );
    const first = await ship([{ lineId: 'L1', quantity: 1 }]);
    expect(first.status).toBe(201);
    const other = await ship([{ lineId: 'L2', quantity: 1 }]);
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body).toMatchObject({
      code: 'TRACKING_NUMBER_CARRIES_OTHER_LINES',
      errors: [{ field: 'lines' }],
    });
    expect(other.body.detail).toContain(first.body.id);
    // "Every line left" under the same number is another request too.
    expect((await ship(undefined)).status).toBe(409);
    expect((await order(orderId)).lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)).toEqual([
      1, 0,
    ]);
    // The identical retry still gets the first answer.
    const retry = await ship([{ lineId: 'L1', quantity: 1 }]);
    expect(retry).toMatchObject({ status: 201, body: { id: first.body.id } });
  });

  it('ORD-2: the warning is on the order and in the console filters; at the deadline instant the order is overdue everywhere', async () => {
    const orderId = await place();
    await t.advance(3 * HOUR);
    const warned = await order(orderId);
    expect(warned.openFlags).toEqual([
      expect.objectContaining({ code: 'SHIP_DEADLINE_NEAR', severity: 'medium' }),
    ]);
    expect(warned.deadlines).toMatchObject({ shipWarnedAt: expect.any(String), overdue: false });
    const flagged = await t.http.get('/v1/orders?flag=SHIP_DEADLINE_NEAR&limit=200', seller);
    expect(flagged.body.items.map((o: { id: string }) => o.id)).toContain(orderId);
    expect(
      (await t.http.get('/v1/orders/counts', seller)).body.byOpenFlag.SHIP_DEADLINE_NEAR,
    ).toBeGreaterThanOrEqual(1);

    // Exactly four hours after payment: the deadline instant itself is past.
    await t.advance(HOUR);
    const late = await order(orderId);
    expect(late.deadlines).toMatchObject({ lateShipment: true, overdue: true });
    expect(late.openFlags).toEqual([expect.objectContaining({ code: 'SHIP_DEADLINE_MISSED' })]);
    const overdue = await t.http.get('/v1/orders?overdue=true&limit=200', seller);
    expect(overdue.body.items.map((o: { id: string }) => o.id)).toContain(orderId);
    const counts = (await t.http.get('/v1/orders/counts', seller)).body;
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.byOpenFlag.SHIP_DEADLINE_NEAR ?? 0).toBe(0);

    // Shipped: the flags close; the late history stays.
    await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      seller,
    );
    expect(await order(orderId)).toMatchObject({
      openFlags: [],
      deadlines: { lateShipment: true, overdue: false },
    });
  });

  it.each(['CLOSE', 'CONFIRM_FAKE_SHIPMENT'])(
    'FUL-4: after %s on an abnormal-logistics case the order leaves the pool and stays out (no re-stall at the next sweep)',
    async (decision) => {
      const orderId = await place();
      const number = (
        await t.http.post(
          `/v1/orders/${orderId}/shipments`,
          { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
          seller,
        )
      ).body.trackingNumber;
      await scan(t, {
        carrierCode: 'CAINIAO',
        trackingNumber: number,
        type: 'PICKUP',
        occurredAt: await now(),
      });
      await t.advance(73 * HOUR);
      await eventually(async () => expect((await order(orderId)).inAbnormalPool).toBe(true));
      const open = async () =>
        (await t.http.get('/v1/review-tasks?kind=ABNORMAL_LOGISTICS&limit=200', operator)).body.items.filter(
          (task: { orderId: string }) => task.orderId === orderId,
        );
      const [task] = await open();
      expect(
        (await t.http.post(`/v1/review-tasks/${task.id}/decision`, { decision, reason: 'checked' }, operator))
          .status,
      ).toBe(200);
      await eventually(async () => expect((await order(orderId)).inAbnormalPool).toBe(false));
      // Several background sweeps later (every 200 ms in tests), and a minute of simulated time on.
      await new Promise((r) => setTimeout(r, 1_500));
      await t.advance(60);
      await new Promise((r) => setTimeout(r, 500));
      expect(await open()).toEqual([]);
      expect((await order(orderId)).inAbnormalPool).toBe(false);
    },
  );
});
