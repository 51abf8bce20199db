import { advanceTo, deliveredOrder } from '../support/settlement';
import { expectFieldProblem } from '../support/problems';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * GET /v1/settlement/release-schedule: what unfreezes on which UTC day (SET-3: 10:00 UTC of day 7
 * after the delivery date), summed exactly per currency, and what held reviews keep frozen.
 * Proceeds of one paidOrder: 28.00 USD less 8% commission = 25.76 USD.
 */
describe('Settlement: the release schedule (real PostgreSQL and Kafka)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SETTLEMENT_COMMISSION_BPS: '800' } });
  });

  afterAll(() => t.close());

  const schedule = async (token: string, query = '') =>
    t.http.get(`/v1/settlement/release-schedule${query}`, token);

  it("SET-3: frozen proceeds by release day and currency, held reviews apart, only the caller's stores", async () => {
    const store = 'store-schedule';
    const euro = {
      storeId: store,
      lines: [{ sku: 'SKU-E', title: 'Mug', quantity: 1, unitPrice: { minor: '1000', currency: 'EUR' } }],
      shippingFee: { minor: '0', currency: 'EUR' },
    };
    // Two USD orders delivered the same UTC day (the last second of it too) release together.
    await deliveredOrder(t, '2026-11-27T08:00:00.000Z', { storeId: store });
    await deliveredOrder(t, '2026-11-27T23:59:59.000Z', { storeId: store });
    await deliveredOrder(t, '2026-11-27T23:59:59.000Z', euro);
    const held = await deliveredOrder(t, '2026-11-28T00:00:00.000Z', { storeId: store });
    const next = await deliveredOrder(t, '2026-11-28T00:00:00.000Z', { storeId: store });
    await deliveredOrder(t, '2026-11-28T00:00:00.000Z', { storeId: 'store-someone-else' });
    const issue = await t.http.post(
      '/v1/settlement/order-issues',
      { issueId: 'dsp-schedule', orderId: held.orderId, status: 'OPEN' },
      await t.serviceToken(),
    );
    expect(issue.status).toBe(200);
    // Day 5 of the 2026-11-28 deliveries: the disputed review holds, the other passes and keeps its day.
    await advanceTo(t, '2026-12-03T00:00:00.000Z');

    const seller = await t.sellerToken([store]);
    const answer = await schedule(seller);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      days: [
        {
          day: '2026-12-04',
          releaseAt: '2026-12-04T10:00:00.000Z',
          amount: { minor: '920', currency: 'EUR' },
          orders: 1,
        },
        {
          day: '2026-12-04',
          releaseAt: '2026-12-04T10:00:00.000Z',
          amount: { minor: '5152', currency: 'USD' },
          orders: 2,
        },
        {
          day: '2026-12-05',
          releaseAt: '2026-12-05T10:00:00.000Z',
          amount: { minor: '2576', currency: 'USD' },
          orders: 1,
        },
      ],
      held: [{ amount: { minor: '2576', currency: 'USD' }, orders: 1 }],
    });
    expect(next.orderId).not.toBe(held.orderId);

    // Released money leaves the schedule.
    await advanceTo(t, '2026-12-04T10:00:00.000Z');
    expect((await schedule(seller)).body.days.map((d: { day: string }) => d.day)).toEqual(['2026-12-05']);

    // Another seller's stores, or a store outside the caller's, show nothing of this one.
    expect(await schedule(await t.sellerToken(['store-nobody']))).toMatchObject({
      status: 200,
      body: { days: [], held: [] },
    });
    expect((await schedule(seller, '?storeId=store-someone-else')).body).toEqual({ days: [], held: [] });
    // Operators see every store, or one.
    const all = await schedule(await t.operatorToken(), '?storeId=store-someone-else');
    expect(all.body.days).toEqual([
      expect.objectContaining({ day: '2026-12-05', amount: { minor: '2576', currency: 'USD' } }),
    ]);
  });

  it('SET-3: a bad store filter is a 400 problem naming storeId', async () => {
    expectFieldProblem(await schedule(await t.operatorToken(), `?storeId=${'x'.repeat(500)}`), 'storeId');
  });
});
