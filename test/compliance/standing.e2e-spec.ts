import ExcelJS from 'exceljs';
import { ComplianceEvents } from '@tradehub/compliance/contract';
import { DisputeEvents } from '@tradehub/disputes/contract';
import { OrderEvents } from '@tradehub/orders/contract';
import { auditedEvents } from '../support/audit';
import { withClient } from '../support/database';
import { openRequest, shippedOrder } from '../support/disputes';
import { eventually } from '../support/eventually';
import { cainiaoNumber } from '../support/fulfillment';
import { KafkaProbe, producer } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { advanceTo, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

describe('Compliance: trade analysis and a store standing (ANA-1, CMP-1..3)', () => {
  let t: TestApp;
  const probe = new KafkaProbe();

  beforeAll(async () => {
    t = await startTestApp();
    await probe.start([t.topic('compliance'), t.topic('orders'), t.topic('disputes')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const now = async (): Promise<number> =>
    Date.parse((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now);
  const place = async (body: Record<string, any>): Promise<string> => {
    const res = await t.http.post('/v1/orders', body, await t.serviceToken());
    if (res.status !== 201) throw new Error(`order refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const ship = async (orderId: string, storeId: string) => {
    const res = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      await t.sellerToken([storeId]),
    );
    if (res.status !== 201) throw new Error(`shipment refused: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const analysis = async (query: string, token: string) =>
    (await t.http.get(`/v1/compliance/trade-analysis?${query}`, token)).body;
  const standing = async (storeId: string) =>
    (await t.http.get(`/v1/compliance/standing?storeId=${storeId}`, await t.sellerToken([storeId]))).body[0];
  const storeDays = () =>
    withClient(t.databaseUrl, async (c) =>
      (
        await c.query(
          `select store_id, day::text, ${['orders', 'seller_cancelled', 'disputed', 'shipped', 'ship_seconds', 'on_time', 'late', 'reviews', 'positive'].join(', ')}
           from compliance.store_days order by store_id, day`,
        )
      ).rows.concat(
        (
          await c.query(
            `select store_id, day::text, currency, orders, gmv_minor::text from compliance.store_day_gmv order by 1, 2, 3`,
          )
        ).rows,
      ),
    );

  it('ANA-1, CMP-1: the core metrics per store, across a main account and per day, from roll-ups that a rebuild reproduces; CSV and Excel exports; the score with every part explained', async () => {
    const [a, b, c] = ['cmp-ana-a', 'cmp-ana-b', 'cmp-ana-c'];
    const paidAt = new Date(await now()).toISOString();
    const day = paidAt.slice(0, 10);
    const inA = { storeId: a, mainAccountId: 'acct-ana', sellerId: 'seller-ana', paidAt };
    // GMV in USD at the day's stored rates: EUR through CNY.
    for (const [from, rate] of [
      ['EUR', '7.7015'],
      ['USD', '7.1234'],
    ])
      expect(
        (
          await t.http.request('PUT', '/v1/settlement/fx-rates', {
            token: await t.operatorToken(),
            body: { from, to: 'CNY', rate, asOf: `${day}T00:00:00.000Z` },
          })
        ).status,
      ).toBeLessThan(300);
    const onTime = await place(paidOrder(inA));
    const late = await place(paidOrder(inA));
    const cancelled = await place(paidOrder(inA));
    const euro = paidOrder({
      storeId: b,
      mainAccountId: 'acct-ana',
      sellerId: 'seller-ana',
      paidAt,
      lines: [{ sku: 'SKU-9', title: 'Lamp', quantity: 1, unitPrice: { minor: '4999', currency: 'EUR' } }],
      shippingFee: { minor: '1', currency: 'EUR' },
    });
    const inB = await place(euro);
    await place(paidOrder({ storeId: c, mainAccountId: 'acct-other', paidAt }));
    await ship(onTime, a);
    await ship(inB, b);
    const seller = await t.sellerToken([a, b]);
    expect(
      (
        await t.http.post(
          `/v1/orders/${cancelled}/cancel`,
          { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
          await t.sellerToken([a]),
        )
      ).status,
    ).toBe(200);
    // Shipped 5 h after payment: its 4-hour deadline passed first.
    await advanceTo(t, new Date(Date.parse(paidAt) + 5 * 3_600_000).toISOString());
    await ship(late, a);

    await eventually(async () => {
      const all = await analysis('mainAccountId=acct-ana', seller);
      expect(all.stores).toEqual([a, b]);
      expect(all.totals).toMatchObject({
        orders: 4,
        gmv: [
          { currency: 'EUR', minor: '5000' },
          { currency: 'USD', minor: '8400' },
        ],
        // 50.00 EUR × 7.7015 / 7.1234 = 54.0584 USD, half-to-even to the cent.
        gmvUsdMinor: '13806',
        averageOrderValue: [
          { currency: 'EUR', minor: '5000' },
          { currency: 'USD', minor: '2800' },
        ],
        cancellationRate: '0.250000',
        disputeRate: '0.000000',
        onTimeShipmentRate: '0.666667',
        slowFulfillmentShare: '0.000000',
        abnormalLogisticsRate: '0.000000',
        positiveRate: null,
      });
    }, 20_000);
    const all = await analysis('mainAccountId=acct-ana', seller);
    expect(all.byStore.map((s: any) => [s.storeId, s.totals.orders])).toEqual([
      [a, 3],
      [b, 1],
    ]);
    expect(all.series).toHaveLength(90);
    expect(all.series.at(-1)).toMatchObject({ day, orders: 4 });
    expect(all.series[0].orders).toBe(0);
    // The other main account's store is not the caller's: as if it had nothing.
    expect((await analysis(`storeId=${c}`, seller)).stores).toEqual([]);
    expect((await t.http.get('/v1/compliance/trade-analysis?storeId=a%20b', seller)).body).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'storeId' })],
    });

    // CMP-1 for store A: no disputes (100), 1 of 3 cancelled (past 5%: 0), nothing abnormal (100),
    // on time 1 of 2 (past 80%: 0); no reviews yet, so DSR and positive rate carry no weight.
    // Two parts of 23.0769… each: the parts add up to the score, so the second shows 23.07.
    await eventually(async () => {
      const s = await standing(a);
      expect(s.score).toBe('46.15');
      expect(s.parts).toEqual([
        { metric: 'DISPUTE_RATE', value: '0.000000', subScore: '100.00', weight: 15, contribution: '23.08' },
        {
          metric: 'CANCELLATION_RATE',
          value: '0.333333',
          subScore: '0.00',
          weight: 15,
          contribution: '0.00',
        },
        {
          metric: 'ABNORMAL_LOGISTICS_RATE',
          value: '0.000000',
          subScore: '100.00',
          weight: 15,
          contribution: '23.07',
        },
        {
          metric: 'ON_TIME_SHIPMENT_RATE',
          value: '0.500000',
          subScore: '0.00',
          weight: 20,
          contribution: '0.00',
        },
        { metric: 'DSR_MEAN', value: null, subScore: null, weight: 20, contribution: null },
        { metric: 'POSITIVE_RATE', value: null, subScore: null, weight: 15, contribution: null },
      ]);
    }, 20_000);
    const history = (await t.http.get(`/v1/compliance/standing/${a}/history`, seller)).body;
    expect(history).toEqual([expect.objectContaining({ day, score: '46.15' })]);
    expect((await t.http.get(`/v1/compliance/standing/${c}/history`, seller)).status).toBe(404);
    const scored = await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.SlaScoreChanged &&
        m.key === a &&
        m.body.data.score === '46.15',
    );
    expect(scored[0].body.data.parts).toHaveLength(6);

    // Exports carry the same series.
    const csv = await t.http.get(
      '/v1/compliance/trade-analysis/export?mainAccountId=acct-ana&format=csv',
      seller,
    );
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines).toHaveLength(91);
    expect(lines[0]).toMatch(/^day,orders,gmv_EUR_minor,gmv_USD_minor,gmv_in_USD_minor,/);
    expect(lines.at(-1)).toMatch(new RegExp(`^${day},4,5000,8400,13806,5000,2800,0.250000,`));
    const xlsx = await fetch(
      `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/v1/compliance/trade-analysis/export?mainAccountId=acct-ana&format=xlsx`,
      { headers: { authorization: `Bearer ${seller}` } },
    );
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('trade analysis')!;
    expect(sheet.rowCount).toBe(91);
    expect(sheet.getRow(91).values).toEqual(expect.arrayContaining([day, 4, '5000', '8400', 0.25]));
    expect((await t.http.get('/v1/compliance/trade-analysis/export?format=pdf', seller)).status).toBe(400);

    // A redelivered order-placed event counts once (inbox), and a rebuild from the facts agrees with the increments.
    const placed = (
      await probe.waitFor((m) => m.headers.ce_type === OrderEvents.OrderPlaced && m.key === onTime)
    )[0]!;
    const kafka = await producer();
    try {
      await kafka.send({
        topic: placed.topic,
        messages: [{ key: placed.key, value: JSON.stringify(placed.body), headers: placed.headers }],
      });
    } finally {
      await kafka.disconnect();
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect((await analysis(`storeId=${a}`, seller)).totals.orders).toBe(3);
    const incremental = await storeDays();
    expect(incremental.length).toBeGreaterThan(0);
    expect((await t.http.post('/v1/compliance/trade-analysis/rebuild', {}, seller)).status).toBe(403);
    const rebuilt = await t.http.post('/v1/compliance/trade-analysis/rebuild', {}, await t.operatorToken());
    expect(rebuilt.status).toBe(200);
    expect(await storeDays()).toEqual(incremental);
  });

  it('CMP-3, CMP-5: a store with a DSR dimension under 4.7 may not register for a major campaign; the campaigns team is told why; a store without reviews is not gated', async () => {
    const store = 'cmp-gate';
    const deliveredAt = new Date((await now()) + 3_600_000).toISOString();
    const { orderId } = await deliveredOrder(t, deliveredAt, {
      storeId: store,
      paidAt: deliveredAt.replace(/T.*/, 'T00:00:00.000Z'),
    });
    const review = await t.http.post(
      '/v1/reviews',
      {
        reviewId: `rv-gate-${Date.now().toString(36)}`,
        orderId,
        overall: 4,
        dsr: { itemAsDescribed: 5, communication: 5, shippingSpeed: 4 },
        text: 'slow',
      },
      await t.serviceToken(),
    );
    expect(review.status).toBe(201);
    const ask = async (storeId: string, token?: string) =>
      t.http.get(`/v1/compliance/campaign-eligibility/${storeId}`, token ?? (await t.serviceToken()));
    const gate = await ask(store);
    expect(gate.body).toMatchObject({
      storeId: store,
      eligible: false,
      reasons: [{ code: 'DSR_BELOW_BAR', dimension: 'SHIPPING_SPEED', value: '4.0000', bar: '4.7000' }],
    });
    expect((await ask('cmp-gate-no-reviews')).body).toMatchObject({ eligible: true, reasons: [] });
    expect((await ask(store, await t.sellerToken([store]))).status).toBe(403);
    // API-2: a service granted other stores gets the answer for a missing store.
    const foreign = await ask(store, await t.token({ kind: 'service', stores: ['cmp-other'] }));
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({
      status: 404,
      code: 'STORE_NOT_FOUND',
    });
    expect((await ask('bad store')).status).toBe(400);
    const changed = await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.CampaignEligibilityChanged &&
        m.key === store &&
        m.body.data.eligible === false,
    );
    expect(changed[0].body.data.reasons[0]).toMatchObject({ dimension: 'SHIPPING_SPEED' });
    const flagged = await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.BoardFlagRaised &&
        m.key === store &&
        m.body.data.code === 'DSR_BELOW_CAMPAIGN_BAR',
    );
    expect(flagged[0].body.data).toMatchObject({ riskType: 17, source: 'compliance' });
  });

  it('CMP-2, CMP-5: the 3.2% dispute bar is crossed by one disputed order and cleared the moment an old dispute leaves the 90-day window', async () => {
    const store = 'cmp-dsp';
    const order = { storeId: store, mainAccountId: 'acct-dsp', sellerId: 'seller-dsp' };
    const day0 = new Date(await now()).toISOString().slice(0, 10);
    const first = await shippedOrder(t, { ...order, paidAt: new Date(await now()).toISOString() });
    await eventually(async () => expect((await standing(store)).score).not.toBeNull(), 20_000);
    expect((await standing(store)).warnings).toEqual([]);
    await openRequest(t, first.orderId);
    // 1 disputed of 1: above the bar.
    const raised = await probe.waitFor(
      (m) => m.headers.ce_type === ComplianceEvents.DowngradeWarningRaised && m.key === store,
    );
    expect(raised[0].body.data).toMatchObject({
      warning: 'DISPUTE_RATE',
      value: '1.000000',
      bar: '0.032000',
      above: true,
    });
    await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.BoardFlagRaised &&
        m.key === store &&
        m.body.data.code === 'DISPUTE_RATE_HIGH',
    );

    // The next day: 32 more orders, one of them disputed: 2 of 33, still above; raised only once.
    await advanceTo(t, new Date(Date.parse(`${day0}T00:00:00Z`) + DAY + 3_600_000).toISOString());
    const paidAt = new Date(await now()).toISOString();
    const second = await shippedOrder(t, { ...order, paidAt });
    // Disputed before the rest arrive, so the rate never dips under the bar on the way (1 of 33 would).
    await openRequest(t, second.orderId);
    // The buyers cancel 30 of the rest before anything ships; one stays unshipped (slow after 72 h).
    const service = await t.serviceToken();
    for (let i = 0; i < 31; i += 1) {
      const id = await place(paidOrder({ ...order, paidAt }));
      if (i < 30)
        expect(
          (
            await t.http.post(
              `/v1/orders/${id}/cancel`,
              { initiator: 'BUYER', reason: 'BUYER_CHANGED_MIND' },
              service,
            )
          ).status,
        ).toBe(200);
    }
    await eventually(async () => {
      const s = (await analysis(`storeId=${store}`, await t.sellerToken([store]))).totals;
      expect({ orders: s.orders, disputeRate: s.disputeRate }).toEqual({
        orders: 33,
        disputeRate: '0.060606',
      });
    }, 20_000);

    // Day 0 is the oldest day of the window until its 90th day ends: still 2 of 33.
    const lastMoment = new Date(Date.parse(`${day0}T00:00:00Z`) + 90 * DAY - 1000).toISOString();
    await advanceTo(t, lastMoment);
    // CMP-2's other bar: the one order never shipped is slow from 72 h after payment, 1 of 33.
    await eventually(async () => {
      const s = (await analysis(`storeId=${store}`, await t.sellerToken([store]))).totals;
      expect(s.slowFulfillmentShare).toBe('0.030303');
    }, 20_000);
    await eventually(
      async () =>
        expect((await standing(store)).warnings).toEqual([
          expect.objectContaining({ warning: 'DISPUTE_RATE' }),
        ]),
      20_000,
    );
    expect(probe.ofType(ComplianceEvents.DowngradeWarningRaised).filter((m) => m.key === store)).toHaveLength(
      1,
    );

    // One second later day 0 has left: 1 of 32 = 3.125%, at or under the bar.
    await advanceTo(t, new Date(Date.parse(lastMoment) + 1000).toISOString());
    const cleared = await probe.waitFor(
      (m) => m.headers.ce_type === ComplianceEvents.DowngradeWarningCleared && m.key === store,
      1,
      30_000,
    );
    expect(cleared[0].body.data).toMatchObject({ warning: 'DISPUTE_RATE', value: '0.031250' });
    await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.BoardFlagCleared &&
        m.key === store &&
        m.body.data.code === 'DISPUTE_RATE_HIGH',
    );
    expect((await standing(store)).warnings).toEqual([]);
  });

  it("ANA-1: another context's fact about an order Compliance has not heard of yet is kept, not dropped", async () => {
    // A dispute event as the disputes topic carries it, for an order whose order-placed is still on its way.
    const [real] = await probe.waitFor((m) => m.headers.ce_type === DisputeEvents.RefundRequested);
    const orderId = crypto.randomUUID();
    const kafka = await producer();
    try {
      await kafka.send({
        topic: real!.topic,
        messages: [
          {
            key: orderId,
            value: JSON.stringify({
              ...real!.body,
              data: { ...real!.body.data, orderId, storeId: 'cmp-early' },
            }),
            headers: { ...real!.headers, ce_id: crypto.randomUUID(), ce_subject: `order/${orderId}` },
          },
        ],
      });
    } finally {
      await kafka.disconnect();
    }
    await eventually(async () => {
      const kept = await withClient(
        t.databaseUrl,
        async (c) =>
          (
            await c.query(
              `select store_id, disputed_at, paid_at from compliance.order_facts where order_id = $1`,
              [orderId],
            )
          ).rows,
      );
      expect(kept).toEqual([{ store_id: 'cmp-early', disputed_at: expect.any(Date), paid_at: null }]);
    }, 20_000);
  });

  it('CMP-6: every Compliance event left with its audit record, and the facts it counted are audited too', async () => {
    const { unaudited, raised } = await auditedEvents(t, 'compliance');
    expect(unaudited).toEqual([]);
    expect(raised).toEqual(
      expect.arrayContaining([
        ComplianceEvents.SlaScoreChanged,
        ComplianceEvents.DowngradeWarningRaised,
        ComplianceEvents.DowngradeWarningCleared,
        ComplianceEvents.CampaignEligibilityChanged,
      ]),
    );
    const facts = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select count(*)::int as n from platform.audit_log where action = 'compliance.fact-recorded'`,
          )
        ).rows[0].n,
    );
    expect(facts).toBeGreaterThan(40);
  });
});
