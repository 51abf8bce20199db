import { eventually } from '../support/eventually';
import { KafkaProbe } from '../support/kafka';
import { advanceTo, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

/** Delivery at the last second of 2026-11-27 (UTC): review 2026-12-02T00:00Z, release 2026-12-04T10:00Z. */
describe('Settlement: frozen on delivery, reviewed on day 5, released on day 7 (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;

  beforeAll(async () => {
    t = await startTestApp({ env: { SETTLEMENT_COMMISSION_BPS: '800' } });
    probe = new KafkaProbe();
    await probe.start([t.topic('settlement'), t.topic('orders')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const settlement = async (orderId: string) =>
    (await t.http.get(`/v1/settlement/orders/${orderId}`, await t.operatorToken())).body;

  it('SET-1, SET-2, SET-3, SET-7: frozen at 23:59:59, review at 00:00 of day 5, released at 10:00 of day 7, one second either side', async () => {
    const store = 'store-set-1';
    // 2 x 12.50 + 3.00 shipping = 28.00 USD; 8% commission = 2.24; proceeds 25.76.
    const { orderId } = await deliveredOrder(t, '2026-11-27T23:59:59.000Z', { storeId: store });
    const frozen = await settlement(orderId);
    expect(frozen).toMatchObject({
      fundStatus: 'FROZEN',
      total: { minor: '2800', currency: 'USD' },
      commission: { minor: '224', currency: 'USD' },
      frozen: { minor: '2576', currency: 'USD' },
      deliveredAt: '2026-11-27T23:59:59.000Z',
      reviewAt: '2026-12-02T00:00:00.000Z',
      releaseAt: '2026-12-04T10:00:00.000Z',
    });
    expect(frozen.entries).toHaveLength(1);
    expect(frozen.entries[0]).toMatchObject({ kind: 'FREEZE', idempotencyKey: `freeze:${orderId}` });
    expect(await balances(t, store)).toMatchObject({ frozen: '2576', available: '0' });

    await advanceTo(t, '2026-12-01T23:59:59.000Z');
    expect((await settlement(orderId)).fundStatus).toBe('FROZEN');
    await advanceTo(t, '2026-12-02T00:00:00.000Z');
    expect(await settlement(orderId)).toMatchObject({
      fundStatus: 'IN_REVIEW',
      reviewedAt: '2026-12-02T00:00:00.000Z',
      holdReasons: [],
    });

    await advanceTo(t, '2026-12-04T09:59:59.000Z');
    expect((await settlement(orderId)).fundStatus).toBe('IN_REVIEW');
    expect(await balances(t, store)).toMatchObject({ frozen: '2576', available: '0' });
    await advanceTo(t, '2026-12-04T10:00:00.000Z');
    const released = await settlement(orderId);
    expect(released).toMatchObject({
      fundStatus: 'RELEASED',
      releasedAt: '2026-12-04T10:00:00.000Z',
      payoutCycleSeconds: 6 * 86400 + 10 * 3600 + 1,
    });
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '2576' });

    // ORD-7: the order's fund status follows, and the release finishes the delivered order.
    await eventually(async () => {
      const order = (await t.http.get(`/v1/orders/${orderId}`, await t.sellerToken([store]))).body;
      expect(order).toMatchObject({ fundStatus: 'RELEASED', status: 'FINISH' });
    });

    const cycle = await t.http.get(
      `/v1/settlement/payout-cycle?storeId=${store}`,
      await t.sellerToken([store]),
    );
    expect(cycle.body).toEqual({ averageDays: 6.42, releasedOrders: 1 });

    const types =
      (await probe.waitFor(
        (m) => m.key === orderId && m.headers.ce_type === 'tradehub.settlement.funds-released',
      )) &&
      probe.messages
        .filter((m) => m.key === orderId && m.topic === t.topic('settlement'))
        .map((m) => m.headers.ce_type);
    expect(types).toEqual(
      expect.arrayContaining([
        'tradehub.settlement.funds-frozen',
        'tradehub.settlement.review-started',
        'tradehub.settlement.review-passed',
        'tradehub.settlement.funds-released',
        'tradehub.settlement.fund-status-changed',
      ]),
    );
  });
});
