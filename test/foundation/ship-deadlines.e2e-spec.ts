import { withClient } from '../support/database';
import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600;

describe('ORD-2, ORD-3, ORD-4 ship-by deadlines on the sandbox clock', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let service: string;
  /** The sandbox instant the ORD-4 test's orders were paid at. */
  let strikeClock = '';

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

  const place = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const response = await t.http.post('/v1/orders', paidOrder(overrides), service);
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const eventsOf = (orderId: string, type: string) =>
    probe.messages.filter((m) => m.key === orderId && m.headers.ce_type === type);

  it('ORD-2: the warning fires one hour before the deadline, and the missed deadline flags the order late with one strike', async () => {
    const orderId = await place({ storeId: 'store-late' });
    const presaleId = await place({ storeId: 'store-late', presale: { shipBy: '2026-11-27T00:00:00.000Z' } });

    await t.advance(3 * HOUR + 60);
    const [near] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.ship-deadline-near',
    );
    expect(near.body.data).toEqual({ orderId, storeId: 'store-late', shipBy: '2026-11-26T04:00:00.000Z' });
    expect(eventsOf(orderId, 'tradehub.orders.ship-deadline-missed')).toHaveLength(0);
    await probe.waitFor(
      (m) =>
        m.key === orderId &&
        m.headers.ce_type === 'tradehub.orders.risk-flag-raised' &&
        m.body.data.code === 'SHIP_DEADLINE_NEAR',
    );

    await t.advance(HOUR);
    const [missed] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.ship-deadline-missed',
    );
    expect(missed.headers.ce_time).toBe('2026-11-26T04:00:00.000Z');
    const [strike] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.late-shipment-strike-recorded',
    );
    expect(strike.body.data).toMatchObject({
      storeId: 'store-late',
      strikesInWindow: 1,
      thresholdReached: false,
      windowDays: 90,
    });
    const shown = await t.http.get(`/v1/orders/${orderId}`, service);
    expect(shown.body.deadlines).toMatchObject({
      lateShipment: true,
      lateFlaggedAt: '2026-11-26T04:00:00.000Z',
    });

    // ORD-3: the presale order is not late at four hours.
    expect((await t.http.get(`/v1/orders/${presaleId}`, service)).body.deadlines.lateShipment).toBe(false);
    expect(eventsOf(presaleId, 'tradehub.orders.ship-deadline-missed')).toHaveLength(0);
  });

  it('ORD-3: a presale order is late only after its own ship-by date', async () => {
    const presaleId = await place({
      storeId: 'store-presale',
      paidAt: '2026-11-26T04:00:00.000Z',
      presale: { shipBy: '2026-11-26T20:00:00.000Z' },
    });
    await t.advance(15 * HOUR);
    expect((await t.http.get(`/v1/orders/${presaleId}`, service)).body.deadlines.lateShipment).toBe(false);
    await t.advance(2 * HOUR);
    await probe.waitFor(
      (m) => m.key === presaleId && m.headers.ce_type === 'tradehub.orders.ship-deadline-missed',
    );
    expect((await t.http.get(`/v1/orders/${presaleId}`, service)).body.deadlines.lateFlaggedAt).toBe(
      '2026-11-26T20:00:00.000Z',
    );
  });

  it('ORD-4: the third late strike of a store inside 90 days reaches the threshold and raises LATE_SHIPMENT_STRIKES', async () => {
    const clock = (await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now as string;
    const first = await place({ storeId: 'store-strikes', paidAt: clock });
    const second = await place({ storeId: 'store-strikes', paidAt: clock });
    await t.advance(5 * HOUR);
    const third = await place({
      storeId: 'store-strikes',
      paidAt: new Date(Date.parse(clock) + 5 * HOUR * 1000).toISOString(),
    });
    await t.advance(5 * HOUR);
    const strikes = await probe.waitFor(
      (m) =>
        [first, second, third].includes(m.key) &&
        m.headers.ce_type === 'tradehub.orders.late-shipment-strike-recorded',
      3,
    );
    expect(strikes.map((s) => s.body.data.strikesInWindow).sort()).toEqual([1, 2, 3]);
    const thresholdStrike = strikes.find((s) => s.body.data.strikesInWindow === 3)!;
    expect(thresholdStrike.key).toBe(third);
    expect(thresholdStrike.body.data.thresholdReached).toBe(true);
    const [flag] = await probe.waitFor(
      (m) =>
        m.headers.ce_type === 'tradehub.orders.risk-flag-raised' &&
        m.body.data.code === 'LATE_SHIPMENT_STRIKES',
    );
    expect(flag.body.data).toMatchObject({ storeId: 'store-strikes', orderId: null, severity: 'high' });
    strikeClock = clock;
  });

  it('ORD-2: a deadline fires once: the timer row is marked fired and advancing again changes nothing', async () => {
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select kind, status, count(*)::int as n from platform.timers group by kind, status order by kind, status`,
          )
        ).rows,
    );
    expect(rows.every((r: { status: string }) => ['fired', 'pending'].includes(r.status))).toBe(true);
    const before = probe.messages.length;
    await t.advance(HOUR);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      probe.messages
        .slice(before)
        .filter((m) => m.headers.ce_type === 'tradehub.orders.ship-deadline-missed'),
    ).toHaveLength(0);
  });

  it('ORD-4, CMP-5: LATE_SHIPMENT_STRIKES ends the moment the strikes in the window fall under three', async () => {
    // Two strikes at paid + 4 h, the third 5 h later: the first two leave the window 90 days on.
    const leaving = Date.parse(strikeClock) + 4 * HOUR * 1000 + 90 * 86_400_000;
    const cleared = () =>
      probe.messages.filter(
        (m) =>
          m.headers.ce_type === 'tradehub.orders.risk-flag-cleared' &&
          m.body.data.code === 'LATE_SHIPMENT_STRIKES' &&
          m.body.data.storeId === 'store-strikes',
      );
    const advanceTo = async (ms: number) =>
      expect(
        (
          await t.http.post(
            '/v1/sandbox/clock/advance',
            { to: new Date(ms).toISOString() },
            await t.operatorToken(),
          )
        ).status,
      ).toBe(200);
    await advanceTo(leaving - 1000);
    await new Promise((r) => setTimeout(r, 500));
    expect(cleared()).toHaveLength(0);
    await advanceTo(leaving);
    const [done] = await probe.waitFor((m) => cleared().includes(m));
    expect(done.body.data).toMatchObject({ storeId: 'store-strikes', orderId: null });
    expect(done.body.data.reason).toContain('1 late-shipment strikes');
  });
});
