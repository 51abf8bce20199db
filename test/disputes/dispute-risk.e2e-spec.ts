import { DisputeEvents } from '@tradehub/disputes/contract';
import { eventually } from '../support/eventually';
import { KafkaProbe } from '../support/kafka';
import { openRequest, shippedOrder } from '../support/disputes';
import { paidOrder } from '../support/orders';
import { advanceTo } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Disputes: the dispute early-warning board and the dispute rate (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  const store = 'store-dsp-risk';

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('disputes')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const place = async (overrides: Record<string, unknown>) => {
    const placed = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: store, ...overrides }),
      await t.serviceToken(),
    );
    expect(placed.status).toBe(201);
    return placed.body.id as string;
  };
  const riskOf = async (orderId: string, token?: string) =>
    t.http.get(`/v1/disputes/orders/${orderId}/risk`, token ?? (await t.operatorToken()));
  const scored = async (orderId: string) => {
    await eventually(async () => expect((await riskOf(orderId)).status).toBe(200), 20_000);
    return (await riskOf(orderId)).body;
  };

  it("DSP-5: every order is scored at ingest with reasons in plain words; ADDRESS_AMBIGUOUS and PAYMENT_ANOMALY are raised; the board lists the high-risk orders of the caller's stores only, and the feed publishes them", async () => {
    const risky = await place({
      shippingAddress: { name: 'J. Doe', line1: 'PO Box 1234', city: 'Madrid', country: 'ES' },
      paymentMethod: 'PREPAID_CARD',
      paymentCountry: 'BR',
    });
    const clean = await place({});
    await scored(risky);
    const risk = (await riskOf(risky)).body;
    expect(risk.level).toBe('HIGH');
    expect(risk.score).toBeGreaterThanOrEqual(40);
    expect(risk.flags.sort()).toEqual(['ADDRESS_AMBIGUOUS', 'PAYMENT_ANOMALY']);
    expect(risk.reasons.map((r: any) => r.signal)).toEqual(
      expect.arrayContaining(['ADDRESS_AMBIGUOUS', 'PAYMENT_ANOMALY']),
    );
    for (const reason of risk.reasons) expect(reason.message).toMatch(/^[A-Z].{8,}/);
    await scored(clean);
    expect((await riskOf(clean)).body).toMatchObject({ score: 0, level: 'LOW', reasons: [], flags: [] });

    const seller = await t.sellerToken([store]);
    const board = await t.http.get(`/v1/disputes/risk-board?storeId=${store}`, seller);
    expect(board.body.items.map((o: any) => o.orderId)).toEqual([risky]);
    const all = await t.http.get(`/v1/disputes/risk-board?level=ANY`, seller);
    expect(all.body.items.map((o: any) => o.orderId)).toEqual([risky, clean]);
    const bySignal = await t.http.get(`/v1/disputes/risk-board?level=ANY&signal=PAYMENT_ANOMALY`, seller);
    expect(bySignal.body.items.map((o: any) => o.orderId)).toEqual([risky]);
    const other = await t.sellerToken(['store-dsp-elsewhere']);
    expect((await t.http.get('/v1/disputes/risk-board?level=ANY', other)).body.items).toEqual([]);
    expect((await riskOf(risky, other)).status).toBe(404);
    expect((await t.http.get('/v1/disputes/risk-board?minScore=101', seller)).status).toBe(400);
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const query of [
      `cursor=${forged([1, '-'.repeat(36)])}`,
      `sort=scoredAt&cursor=${forged(['yesterday', risky])}`,
      `cursor=${forged([1.5, risky])}`,
    ]) {
      const refused = await t.http.get(`/v1/disputes/risk-board?${query}`, seller);
      expect({ query, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({
        query,
        status: 400,
        field: 'cursor',
      });
    }

    const feed = await probe.waitFor(
      (m) => m.key === risky && m.headers.ce_type === DisputeEvents.DisputeRiskScored,
    );
    expect(feed[0].body.data).toMatchObject({
      orderId: risky,
      storeId: store,
      level: 'HIGH',
      score: risk.score,
    });
    const flags = await probe.waitFor(
      (m) => m.key === risky && m.headers.ce_type === DisputeEvents.RiskFlagRaised,
      2,
    );
    expect(flags.map((m) => m.body.data.code).sort()).toEqual(['ADDRESS_AMBIGUOUS', 'PAYMENT_ANOMALY']);
  });

  it('DSP-5: a missed ship-by deadline raises the score of an open order again, with its reason', async () => {
    const late = await place({ paidAt: '2026-11-26T00:00:00.000Z' });
    expect((await scored(late)).score).toBe(0);
    await advanceTo(t, '2026-11-26T04:00:01.000Z');
    await eventually(async () => {
      const r = (await riskOf(late)).body;
      expect(r).toMatchObject({ lateShipment: true });
      expect(r.score).toBeGreaterThan(0);
      expect(r.reasons.map((x: any) => x.signal)).toEqual(['LATE_SHIPMENT']);
    }, 20_000);
  });

  it("DSP-5, DSP-6: a buyer's requests across orders make their other open order a SERIAL_RETURNER; the store's dispute rate counts each disputed order once and is published", async () => {
    const buyerId = 'buyer-serial-1';
    const first = await shippedOrder(t, { storeId: store, buyerId });
    const second = await shippedOrder(t, { storeId: store, buyerId });
    const third = await place({ buyerId });
    await scored(third);
    await openRequest(t, first.orderId, { kind: 'RETURN_AND_REFUND' });
    await openRequest(t, second.orderId);
    await eventually(async () => {
      const r = (await riskOf(third)).body;
      expect(r.flags).toContain('SERIAL_RETURNER');
      expect(r.level).toBe('HIGH');
    });
    expect((await riskOf(first.orderId)).body.disputed).toBe(true);

    // Orders placed in this store so far: risky, clean, late, first, second, third.
    const rate = await t.http.get(`/v1/disputes/dispute-rate?storeId=${store}`, await t.sellerToken([store]));
    expect(rate.body).toEqual([
      expect.objectContaining({
        storeId: store,
        windowDays: 90,
        orders: 6,
        disputedOrders: 2,
        rate: '0.333333',
      }),
    ]);
    const empty = await t.http.get(
      '/v1/disputes/dispute-rate?storeId=store-dsp-empty',
      await t.operatorToken(),
    );
    expect(empty.body).toEqual([expect.objectContaining({ orders: 0, disputedOrders: 0, rate: null })]);
    const published = await probe.waitFor(
      (m) => m.headers.ce_type === DisputeEvents.DisputeRateChanged && m.body.data.disputedOrders === 2,
    );
    expect(published[0]).toMatchObject({ key: store, body: { data: { orders: 6, rate: '0.333333' } } });
  });
});
